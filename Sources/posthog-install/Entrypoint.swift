import PosthogInstallCommands

@main
enum Entrypoint {
    static func main() async {
        await PosthogInstall.main()
    }
}
