/// The help text of each job's screen.
enum TaskHelp {
    static func text(_ task: WizardTask) -> String {
        let keys =
            "Keys: Tab/Shift-Tab or Up/Down move between the fields, boxes and the button; Space ticks a box; "
            + "Enter on the button runs the job; PageUp/PageDown scroll the text; Esc goes back to the menu."
        let what: String
        switch task {
        case .install:
            what = "Answers a few questions, shows values.yaml and the commands, then installs."
        case .upgrade:
            what = """
                Upgrades PostHog to the chart version shown, with your saved values.yaml (renamed keys \
                are moved first, the old file kept as a backup). When the upgrade crosses a major chart \
                version, the chart's upgrade notes for each one are shown; tick each box once you have \
                read the note and done what it asks. A note that loses data needs its own box. \
                The table lists what changes in the cluster; Up from the first box picks a row and \
                Enter shows that object's diff (Esc goes back). Where the cluster can snapshot the \
                volumes a risky change touches, a box takes VolumeSnapshots of them first.
                """
        case .changeSettings:
            what = """
                Asks the questions of the install again (hostname, HTTPS, size and the extras), \
                starting from your saved answers; the cloud stays the one installed. The review \
                shows the changes to values.yaml; the upgrade screen after it shows what changes \
                in the cluster. values.yaml is written only when you press Upgrade.
                """
        case .oneClickTLS:
            what = """
                For a PostHog installed from the DigitalOcean Marketplace (1-click), which answers on \
                plain HTTP at an IP address. Give the hostname and an email for Let's Encrypt; the \
                screen shows the DNS record to create. The job waits until the name points at the \
                load balancer, then writes values.yaml and upgrades the release so cert-manager gets \
                a certificate.
                """
        case .resize:
            what = """
                Grows the volumes of the bundled stores. Type the new size for each one to grow \
                (for example 200Gi); leave the others as they are. Volumes can grow but never \
                shrink, and only when their StorageClass allows expansion. values.yaml is updated \
                so later upgrades keep the size.
                """
        case .info:
            what = """
                Where the bundled ClickHouse, PostgreSQL and Redis answer inside the cluster, their \
                users, and the Secret and key each password is kept in. Passwords are shown only \
                after you press s. With Prometheus turned on, p forwards its port to \
                http://localhost:9090 until you press p again or leave this screen.
                """
        case .uninstall:
            what = """
                Removes the PostHog release with helm uninstall. The volumes with your data stay \
                unless you also tick the box that deletes the namespace, which removes everything \
                in it for good.
                """
        }
        return what + "\n\n" + keys
    }
}
