package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"google.golang.org/protobuf/reflect/protoreflect"
)

// view is a call's response view (README.md "Calls and the response view"): the response message of a
// unary call, or the `messages` list of a streaming one.
type view struct {
	streaming bool
	message   protoreflect.Message
	messages  []protoreflect.Message
}

// place is what a path leads to: a message, a list (a repeated field or `messages`), or a scalar.
type place struct {
	message  protoreflect.Message
	list     protoreflect.List // a repeated field
	field    protoreflect.FieldDescriptor
	messages []protoreflect.Message // the view's own `messages`
	isList   bool
	scalar   *protoreflect.Value
}

// resolve walks path (proto field names and indexes, joined by dots).
func (v view) resolve(path string) (place, error) {
	segments := strings.Split(path, ".")
	var here place
	if v.streaming {
		if segments[0] != "messages" {
			return place{}, fmt.Errorf("a streamed call's view has only `messages`")
		}
		here = place{messages: v.messages, isList: true}
		segments = segments[1:]
	} else {
		here = place{message: v.message}
	}
	for _, segment := range segments {
		var err error
		switch {
		case here.isList:
			here, err = here.element(segment)
		case here.message != nil:
			here, err = fieldOf(here.message, segment)
		default:
			err = fmt.Errorf("the path runs on past a scalar before %q", segment)
		}
		if err != nil {
			return place{}, err
		}
	}
	return here, nil
}

func fieldOf(message protoreflect.Message, name string) (place, error) {
	field := message.Descriptor().Fields().ByName(protoreflect.Name(name))
	if field == nil {
		return place{}, fmt.Errorf("%s has no field %q", message.Descriptor().FullName(), name)
	}
	if field.IsList() {
		return place{list: message.Get(field).List(), field: field, isList: true}, nil
	}
	if oneof := field.ContainingOneof(); oneof != nil && message.WhichOneof(oneof) != field {
		return place{}, fmt.Errorf("%s is not set (another member of its oneof is)", name)
	}
	if field.Message() != nil {
		if !message.Has(field) {
			return place{}, fmt.Errorf("%s is not set", name)
		}
		return place{message: message.Get(field).Message()}, nil
	}
	value := message.Get(field)
	return place{field: field, scalar: &value}, nil
}

func (p place) element(segment string) (place, error) {
	index, err := strconv.Atoi(segment)
	if err != nil || index < 0 {
		return place{}, fmt.Errorf("%q where an index was expected", segment)
	}
	length := len(p.messages)
	if p.list != nil {
		length = p.list.Len()
	}
	if index >= length {
		return place{}, fmt.Errorf("index %d is out of range (%d elements)", index, length)
	}
	if p.list == nil {
		return place{message: p.messages[index]}, nil
	}
	value := p.list.Get(index)
	if p.field.Message() != nil {
		return place{message: value.Message()}, nil
	}
	return place{field: p.field, scalar: &value}, nil
}

// text is a scalar as README.md "Save" writes it: strings as they are, integers in decimal, bools,
// enums by full name. ok is false for a value at its default (which the wire does not carry).
func (p place) text() (string, bool) {
	value := *p.scalar
	switch p.field.Kind() {
	case protoreflect.EnumKind:
		number := value.Enum()
		if named := p.field.Enum().Values().ByNumber(number); named != nil {
			return string(named.Name()), number != 0
		}
		return strconv.Itoa(int(number)), number != 0
	case protoreflect.StringKind:
		return value.String(), value.String() != ""
	case protoreflect.BoolKind:
		return strconv.FormatBool(value.Bool()), value.Bool()
	case protoreflect.BytesKind, protoreflect.FloatKind, protoreflect.DoubleKind:
		return value.String(), false
	default:
		text := value.String() // integers print in decimal
		return text, text != "0"
	}
}

// checkField compares the scalar at path with an expected JSON value.
func (v view) checkField(path string, expected json.RawMessage) error {
	var want any
	if err := decodeStrict(expected, &want); err != nil {
		return fmt.Errorf("%s: expected value %s: %v", path, expected, err)
	}
	found, err := v.resolve(path)
	if err != nil {
		return fmt.Errorf("%s: expected %s, %v", path, expected, err)
	}
	if found.scalar == nil {
		return fmt.Errorf("%s: expected %s, found a message or list", path, expected)
	}
	have, _ := found.text()
	wantText := fmt.Sprint(want)
	_, isString := want.(string)
	_, isBool := want.(bool)
	_, isNumber := want.(json.Number)
	var fits bool
	switch found.field.Kind() {
	case protoreflect.StringKind, protoreflect.EnumKind:
		fits = isString
	case protoreflect.BoolKind:
		fits = isBool
	default:
		fits = isNumber
	}
	if !fits || have != wantText {
		return fmt.Errorf("%s is %s, expected %s", path, have, wantText)
	}
	return nil
}

// checkPresent requires a message field to be set.
func (v view) checkPresent(path string) error {
	found, err := v.resolve(path)
	if err != nil {
		return fmt.Errorf("%s is not present: %v", path, err)
	}
	if found.message == nil || found.isList {
		return fmt.Errorf("%s is not present: not a message field", path)
	}
	return nil
}

// checkLength requires the list at path to have length elements.
func (v view) checkLength(path string, length int) error {
	found, err := v.resolve(path)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if !found.isList {
		return fmt.Errorf("%s: not a repeated field", path)
	}
	count := len(found.messages)
	if found.list != nil {
		count = found.list.Len()
	}
	if count != length {
		return fmt.Errorf("%s has %d elements, expected %d", path, count, length)
	}
	return nil
}

// save returns the scalar at path as text, refusing one that is not set.
func (v view) save(path string) (string, error) {
	found, err := v.resolve(path)
	if err != nil || found.scalar == nil {
		return "", fmt.Errorf("save: %s not set", path)
	}
	text, set := found.text()
	if !set {
		return "", fmt.Errorf("save: %s not set", path)
	}
	return text, nil
}
