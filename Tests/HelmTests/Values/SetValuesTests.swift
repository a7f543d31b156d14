import GoTemplate
import Testing
@testable import Helm

@Suite struct SetValuesTests {
    private func parse(_ text: String, stringsOnly: Bool = false, into map: ValueMap = ValueMap()) throws -> String {
        try SetValues.parse(text, into: map, stringsOnly: stringsOnly)
        return GoFormat.sprintf("%#v", [.map(map)])
    }

    @Test(arguments: [
        ("name=value", #"map[string]interface {}{"name":"value"}"#),
        ("a.b=c", #"map[string]interface {}{"a":map[string]interface {}{"b":"c"}}"#),
        (#"a\.b=c"#, #"map[string]interface {}{"a.b":"c"}"#),
        ("a=1,b=true,c=null,d=0,e=007,f=-3,g=1.5,h=TRUE", #"map[string]interface {}{"a":1, "b":true, "c":<nil>, "d":0, "e":"007", "f":-3, "g":"1.5", "h":true}"#),
        ("list={a,b,c}", #"map[string]interface {}{"list":[]interface {}{"a", "b", "c"}}"#),
        ("a[1]=x", #"map[string]interface {}{"a":[]interface {}{<nil>, "x"}}"#),
        ("a[0].b=c,a[0].d=e", #"map[string]interface {}{"a":[]interface {}{map[string]interface {}{"b":"c", "d":"e"}}}"#),
        ("a[0][1]=z", #"map[string]interface {}{"a":[]interface {}{[]interface {}{<nil>, "z"}}}"#),
        ("a=", #"map[string]interface {}{"a":""}"#),
        (#"a=x\,y"#, #"map[string]interface {}{"a":"x,y"}"#),
    ])
    func parsesLikeHelm(text: String, expected: String) throws {
        #expect(try parse(text) == expected)
    }

    @Test func typesOfNumbers() throws {
        let map = ValueMap()
        try SetValues.parse("n=42", into: map)
        #expect(GoFormat.typeName(map["n"] ?? .null) == "int64")
        try SetValues.parse("n=42", into: map, stringsOnly: true)
        #expect(GoFormat.typeName(map["n"] ?? .null) == "string")
    }

    @Test func mergesIntoExistingValues() throws {
        let map = ValueMap(["a": .map(ValueMap(["keep": .int(1)]))])
        #expect(try parse("a.new=2", into: map) == #"map[string]interface {}{"a":map[string]interface {}{"keep":1, "new":2}}"#)
    }

    @Test(arguments: [
        ("a", "key \"a\" has no value"),
        ("a,b=c", "key \"a\" has no value (cannot end with ,)"),
        ("a.=c", "key map \"a\" has no value"),
        ("a={x,y", "list must terminate with '}'"),
        ("a[x]=1", "error parsing index: strconv.Atoi: parsing \"x\": invalid syntax"),
        ("a[-1]=1", "negative -1 index not allowed"),
        ("a[70000]=1", "index of 70000 is greater than maximum supported index of 65536"),
        ("a[0]x=1", "unexpected data at end of array index: \"x\""),
    ])
    func errorsInHelmWords(text: String, message: String) {
        let error = #expect(throws: SetValues.ParseError.self) { _ = try parse(text) }
        #expect(error?.message == message)
    }
}
