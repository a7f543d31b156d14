import Installer

extension WizardView {
    static func drawQuestion(_ canvas: inout Canvas, _ question: Question, _ state: WizardState, in body: Rect, glyphs: Glyphs) {
        var y = body.y
        y += canvas.writeWrapped(question.prompt, in: Rect(x: body.x, y: y, width: body.width, height: 2), style: .heading)
        if let help = question.help?.trimmingSpaces(), !help.isEmpty {
            y += 1
            y += canvas.writeWrapped(TextLayout.unfold(help), in: Rect(x: body.x, y: y, width: body.width, height: 4), style: .muted)
        }
        y += 1
        if question.kind == .choice {
            let highlighted = state.highlights[question.id] ?? 0
            let chosen = state.answers[question.id].flatMap { answer in question.choices.firstIndex { $0.value == answer } }
            let items = question.choices.map { ChoiceItem($0.label) }
            y += ChoiceList.draw(
                &canvas, items: items, highlighted: highlighted, chosen: chosen ?? highlighted,
                in: Rect(x: body.x, y: y, width: body.width, height: min(items.count, body.maxY - y)), glyphs: glyphs)
            y += 1
            let choice = question.choices[min(highlighted, question.choices.count - 1)].value
            let panel = Rect(x: body.x, y: y, width: body.width, height: body.maxY - y)
            switch question.id {
            case "tls": drawTLSPanel(&canvas, choice: choice, state, in: panel, glyphs: glyphs)
            case "tier": drawTierPanel(&canvas, tier: Tier(rawValue: choice), state, in: panel)
            default: break
            }
        } else {
            let draft = state.drafts[question.id] ?? TextDraft("")
            TextField.draw(
                &canvas, text: draft.text, cursor: draft.cursor, masked: question.kind == .secret,
                placeholder: placeholder(question), note: note(question, draft: draft, state: state),
                in: Rect(x: body.x, y: y, width: min(body.width, 70), height: body.maxY - y), glyphs: glyphs)
        }
    }

    private static func placeholder(_ question: Question) -> String? {
        switch question.kind {
        case .hostname: return "posthog.example.com"
        case .host: return "db.internal.example.com"
        case .email: return "ops@example.com"
        default: return nil
        }
    }

    /// The line under a text field: live validation of what is typed so far.
    static func note(_ question: Question, draft: TextDraft, state: WizardState) -> TextField.Note? {
        if draft.text.trimmingSpaces().isEmpty && !state.showFieldError {
            return question.optional ? .hint("Optional: press Enter to leave it empty.") : nil
        }
        switch AnswerCheck.check(draft.text, question: question) {
        case .failure(let problem):
            return .error(problem.description)
        case .success(let value):
            if question.kind == .secret || value.isEmpty { return nil }
            if value != draft.text.trimmingSpaces() { return .ok("Will use \(value)") }
            return question.kind == .text ? nil : .ok("Looks right")
        }
    }

    private static func drawTLSPanel(_ canvas: inout Canvas, choice: String, _ state: WizardState, in rect: Rect, glyphs: Glyphs) {
        let host = state.answers["hostname"] ?? "your hostname"
        if choice == "off" {
            canvas.writeWrapped(
                """
                \(glyphs.warning) HTTP only: passwords and session cookies cross the network unencrypted, and \
                browsers mark the site as not secure. Use it only to find out why a certificate is not \
                issued, then run the wizard again and choose HTTPS.
                """, in: rect, style: .warning)
            return
        }
        let text: String
        if WizardFlow.cloud(state) == .gcp {
            text = """
                On Google Cloud, a Google load balancer serves PostHog with a Google-managed certificate \
                for \(host). The load balancer uses a reserved global static IP named "posthog"; create it \
                before installing (gcloud compute addresses create posthog --global). Google issues the \
                certificate once DNS points at that address, which can take up to an hour.
                """
        } else {
            text = """
                The nginx ingress controller gets a load balancer, and cert-manager asks Let's Encrypt for \
                a free certificate for \(host) once your DNS record points at it. That usually takes a \
                minute or two after DNS works; renewals are automatic.
                """
        }
        canvas.write("How HTTPS works here", x: rect.x, y: rect.y, style: .strong)
        canvas.writeWrapped(text, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1))
    }

    private static func drawTierPanel(_ canvas: inout Canvas, tier: Tier?, _ state: WizardState, in rect: Rect) {
        let costs = state.profile.costs
        // The cluster found at start, when its nodes could be read, against this tier's nodes.
        let plan = tier.flatMap { tier in WizardFlow.cloud(state).flatMap { costs.clouds[$0]?.nodes[tier] } }
        let minimum =
            state.cluster?.capacity?.line(minimumCPU: costs.minimumCPU, minimumMemoryGiB: costs.minimumMemoryGiB, plan: plan)
            ?? "Minimum cluster: \(costs.minimumCPU) vCPU and \(costs.minimumMemoryGiB) GiB memory in total; "
            + "smaller clusters leave pods Pending."
        let fit = state.cluster?.capacity?.fit(minimumCPU: costs.minimumCPU, minimumMemoryGiB: costs.minimumMemoryGiB, plan: plan)
        let minimumStyle: CellStyle = fit == .tooSmall ? .error : fit == .smallerThanTier ? .warning : .muted
        guard let tier, let cloud = WizardFlow.cloud(state) else {
            canvas.writeWrapped(minimum, in: rect, style: minimumStyle)
            return
        }
        let cloudName = state.profile.question("cloud")?.choice(cloud.rawValue)?.label ?? cloud.rawValue
        var y = rect.y
        guard let estimate = costs.estimate(cloud: cloud, tier: tier) else {
            y += canvas.writeWrapped(
                "No price list for \(cloudName): compare your provider's prices for the nodes below.",
                in: Rect(x: rect.x, y: y, width: rect.width, height: 2), style: .muted)
            if let plan = costs.clouds[cloud]?.nodes[tier] {
                canvas.write("Nodes assumed: \(nodes(plan))", x: rect.x, y: y, maxWidth: rect.width)
                y += 1
            }
            canvas.writeWrapped(minimum, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), style: minimumStyle)
            return
        }
        canvas.write("Estimated monthly cost on \(cloudName)", x: rect.x, y: y, style: .strong, maxWidth: rect.width)
        y += 1
        let rows: [(String, String, Int)] = [
            ("Nodes", nodes(estimate.nodes), estimate.nodesCents),
            ("Load balancers", "", estimate.loadBalancersCents),
            ("Storage", "\(estimate.storageGiB) GiB", estimate.storageCents),
            ("Control plane", "", estimate.clusterCents),
        ]
        for (label, detail, cents) in rows where y < rect.maxY - 3 {
            canvas.write(
                TextLayout.pad(label, width: 16) + TextLayout.pad(detail, width: 40)
                    + TextLayout.pad(money(cents), width: 10, alignRight: true),
                x: rect.x + 2, y: y, maxWidth: rect.width - 2)
            y += 1
        }
        canvas.write(
            TextLayout.pad("Total", width: 56) + TextLayout.pad(money(estimate.totalCents), width: 10, alignRight: true) + " a month",
            x: rect.x + 2, y: y, style: .strong, maxWidth: rect.width - 2)
        y += 1
        canvas.write(
            "\(costs.currency) list prices: an estimate to compare choices, not a quote.", x: rect.x + 2, y: y,
            style: .muted, maxWidth: rect.width - 2)
        y += 1
        canvas.writeWrapped(minimum, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), style: minimumStyle)
    }

    private static func nodes(_ plan: NodePlan) -> String {
        "\(plan.count) x \(plan.type ?? "node") (\(plan.cpu) vCPU, \(plan.memoryGiB) GiB)"
    }

    /// Cents as `$74.50` (`$74` when whole).
    static func money(_ cents: Int) -> String {
        let whole = cents / 100
        let rest = cents % 100
        return rest == 0 ? "$\(whole)" : "$\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }
}
