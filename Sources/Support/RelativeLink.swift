/// Links between files of a folder written out (the site, the static API): relative, so they
/// work from `file://` and any static host, wherever the folder is put.
public enum RelativeLink {
    /// The link from the file at `from` to the file at `to`, both paths relative to the same root
    /// with `/` between folders: from `2012/gemeente/hoorn.html` to `2012/index.html` is `../index.html`.
    public static func from(_ from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let target = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromFolders.count, common < target.count - 1, fromFolders[fromFolders.startIndex + common] == target[common] {
            common += 1
        }
        return String(repeating: "../", count: fromFolders.count - common) + target[common...].joined(separator: "/")
    }
}
