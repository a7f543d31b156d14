import Effects
import PosthogInstallCommands

@main
enum Entrypoint {
    static func main() async {
        AllocatorArenas.useOne()
        StartupTiming.markMain()
        await PosthogInstall.start()
    }
}
