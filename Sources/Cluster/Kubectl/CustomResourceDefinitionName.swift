import Kube

/// The name and API group of a CustomResourceDefinition, all a leftover list needs.
struct CustomResourceDefinitionName: Decodable {
    struct Spec: Decodable { var group: String = "" }
    var metadata: ObjectMeta
    var spec: Spec
}
