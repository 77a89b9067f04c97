# json.parse errors give the line and column.
try { json.parse("{\"a\": 1,\n  \"b\" 2}") } catch e { print(e) }  # expect: json.parse(): line 2, column 7: unexpected character '2': expected ':' after object key
try { json.parse("[1, 2") } catch e { print(e) }  # expect: json.parse(): line 1, column 6: unexpected end of input: expected ',' or ']' in array
try { json.parse("") } catch e { print(e) }  # expect: json.parse(): line 1, column 1: empty input: expected a JSON value
try { json.parse("1e400") } catch e { print(e) }  # expect: json.parse(): line 1, column 1: number 1e400 is out of range
json.parse("{\"a\": tru}")  # expect error: json.parse(): line 1, column 7: invalid literal 'tru': expected 'true'
