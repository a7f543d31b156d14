import PosthogInstallCommands

@main
enum Entrypoint {
    static func main() async {
        StartupTiming.markMain()
        await PosthogInstall.start()
    }
}
