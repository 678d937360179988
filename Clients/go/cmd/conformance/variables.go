package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"regexp"
)

// variables holds ${run}, ${uuid:LABEL} (made on first use) and the values saved by earlier steps.
type variables map[string]string

func newVariables() variables { return variables{"run": randomUUID()} }

// randomUUID is a fresh random (version 4) UUID in lower case.
func randomUUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

var reference = regexp.MustCompile(`\$\{([^}]*)\}`)

// text replaces every ${...} in s; an unknown variable is an error naming it.
func (v variables) text(s string) (string, error) {
	var unknown error
	out := reference.ReplaceAllStringFunc(s, func(match string) string {
		name := match[2 : len(match)-1]
		value, ok := v[name]
		if !ok && len(name) > 5 && name[:5] == "uuid:" {
			value, ok = randomUUID(), true
			v[name] = value // stored as "uuid:LABEL": no saved name has a colon
		}
		if !ok && unknown == nil {
			unknown = fmt.Errorf("unknown variable %s", name)
		}
		return value
	})
	return out, unknown
}

// substitute replaces variables in every string of a JSON document (keys excepted).
func (v variables) substitute(data json.RawMessage) (json.RawMessage, error) {
	if data == nil {
		return nil, nil
	}
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var tree any
	if err := decoder.Decode(&tree); err != nil {
		return nil, err
	}
	replaced, err := v.walk(tree)
	if err != nil {
		return nil, err
	}
	return json.Marshal(replaced)
}

func (v variables) walk(node any) (any, error) {
	switch value := node.(type) {
	case string:
		return v.text(value)
	case []any:
		for i := range value {
			replaced, err := v.walk(value[i])
			if err != nil {
				return nil, err
			}
			value[i] = replaced
		}
	case map[string]any:
		for key := range value {
			replaced, err := v.walk(value[key])
			if err != nil {
				return nil, err
			}
			value[key] = replaced
		}
	}
	return node, nil
}
