# SPDX-License-Identifier: GPL-3.0-or-later
# `werkstatt report --format json`: every kind validates against schemas/report.schema.json
# (python3-jsonschema), the schema rejects broken documents, keys and values do not change with
# --lang, and suppressed counts are written as null with their flag, never as their value.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
SCHEMA="$SOURCE_DIR/schemas/report.schema.json"

# Validate $1 against the schema; expect the validator's exit status $2 (0 valid, 1 invalid).
validate() {
    "$PY" - "$SCHEMA" "$1" >"$T/validation" 2>&1 <<'PY'
import json, sys
try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed")
    sys.exit(77)
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
for e in errors[:5]:
    print(f"{list(e.absolute_path)}: {e.message}")
sys.exit(1 if errors else 0)
PY
    rc=$?
    check
    if [ "$rc" -eq 77 ]; then
        skip "python3-jsonschema is not installed"
    elif [ "$rc" -ne "$2" ]; then
        fail "validation of $(basename "$1") exited $rc, expected $2"
        sed 's/^/  /' "$T/validation" | head -10
    fi
}

case_ "fixture"
report_db esf "$DB"
status=$?
expect_status 0

for kind in quarterly annual esf rotation exchange members; do
    for lang in de en; do
        case_ "$kind --lang $lang validates"
        run report "$kind" --period 2027Q1 --date 2027-04-02 --format json --lang "$lang"
        expect_status 0
        expect_err_empty
        cp "$T/out" "$T/$kind.$lang.json"
        validate "$T/$kind.$lang.json" 0
    done
done

case_ "--timestamp adds generated_at, and the document still validates"
run report esf --period 2027Q1 --format json --timestamp
expect_status 0
expect_out_has '"generated_at": "'
cp "$T/out" "$T/stamped.json"
validate "$T/stamped.json" 0

case_ "without --timestamp the same bytes every time"
run report esf --period 2027Q1 --date 2027-04-02 --format json
expect_status 0
expect_out_lacks '"generated_at"'
cmp -s "$T/out" "$T/esf.de.json"
status=$?
expect_status 0

case_ "the head of the document"
"$PY" - "$T/esf.en.json" >"$T/out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(r["schema_version"], r["kind"], r["period"], r["reference_day"], r["lang"], r["min_cell"])
PY
expect_out <<'EOF2'
1 esf {'text': '2027Q1', 'first': '2027-01-01', 'last': '2027-03-31'} 2027-04-02 en 3
EOF2

case_ "rows, flags and keys are the same in German and English"
"$PY" - "$T/esf.de.json" "$T/esf.en.json" >"$T/out" <<'PY'
import json, sys
de, en = (json.load(open(p)) for p in sys.argv[1:3])
def shape(r):
    return [(s["id"], [(t["id"], [c["key"] for c in t["columns"]], t["rows"], t["flags"])
                       for t in s["tables"]]) for s in r["sections"]]
print("same" if shape(de) == shape(en) else "different")
PY
expect_out <<'EOF2'
same
EOF2

case_ "a suppressed count is null with its flag, a published one a number"
"$PY" - "$T/esf.en.json" >"$T/out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
bad = 0
seen = {"primary": 0, "secondary": 0, "count": 0}
for s in r["sections"]:
    for t in s["tables"]:
        for row, flags in zip(t["rows"], t["flags"]):
            for key, value in row.items():
                flag = flags.get(key)
                if flag in ("primary", "secondary"):
                    seen[flag] += 1
                    bad += value is not None
                elif isinstance(value, int):
                    seen["count"] += 1
print("leaks" if bad else "no leaks", *(f"{k}:{'yes' if v else 'no'}" for k, v in seen.items()))
PY
expect_out <<'EOF2'
no leaks primary:yes secondary:yes count:yes
EOF2

case_ "the schema rejects a document without flags, with a count as text or a wrong version"
"$PY" - "$T/esf.en.json" "$T" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a = json.loads(json.dumps(r)); del a["sections"][1]["tables"][0]["flags"]
b = json.loads(json.dumps(r)); b["sections"][1]["tables"][0]["flags"][0]["female"] = "hidden"
c = json.loads(json.dumps(r)); c["schema_version"] = 2
d = json.loads(json.dumps(r)); d["period"]["first"] = "01.01.2027"
for name, doc in zip("abcd", (a, b, c, d)):
    json.dump(doc, open(f"{sys.argv[2]}/broken_{name}.json", "w"))
PY
for name in a b c d; do
    validate "$T/broken_$name.json" 1
done

finish
