import ArgumentParser

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print meetlat's version.")

    func run() {
        print("meetlat 0.1.0")
    }
}
