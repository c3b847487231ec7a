import ArgumentParser

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print meetlat's version (also: meetlat --version).")

    func run() {
        printMessage("meetlat \(Meetlat.version)")
    }
}
