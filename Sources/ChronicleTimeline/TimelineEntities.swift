import ChronicleCore
import ChronicleEntities

extension Build {
    /// The entities of the story for ``Timeline/entities``: every document's entities merged by canonical name
    /// (a one-word name that stands for a full name elsewhere in the story, by `expansion`, joins it), with the
    /// variants of all of them, in order of first appearance.
    func storyEntities(_ expansion: [String: String]) -> [Timeline.EntityInfo] {
        var result: [Timeline.EntityInfo] = []
        var position: [String: Int] = [:]
        for index in entityIndexes {
            for entity in index.entities {
                let name = expansion[entity.name].flatMap { $0.isEmpty ? nil : $0 } ?? entity.name
                let key = name.lowercased()
                if let p = position[key] {
                    for variant in entity.variants where !result[p].variants.contains(variant) { result[p].variants.append(variant) }
                } else {
                    position[key] = result.count
                    var variants = [name]
                    for variant in entity.variants where !variants.contains(variant) { variants.append(variant) }
                    result.append(Timeline.EntityInfo(name: name, kind: entity.kind, variants: variants))
                }
            }
        }
        return result
    }
}
