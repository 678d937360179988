package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	warren "warren.dev/warren/clients/go"
	"warren.dev/warren/clients/go/warrenpb"
)

// runner runs the steps of one scenario against one server.
type runner struct {
	client    *warren.Client
	token     string
	variables variables
}

// errSkipped marks a step that needs a token when none is configured.
var errSkipped = errors.New("no token configured")

// outcome is what a call returned: its error (nil for OK) and its response view.
type outcome struct {
	err  error
	view view
}

// run executes one step and its checks; nil when it passes.
func (r *runner) run(s step) error {
	if s.NeedsToken && r.token == "" {
		return errSkipped
	}
	request, err := r.variables.substitute(s.Request)
	if err != nil {
		return err
	}
	expectJSON, err := r.variables.substitute(s.Expect)
	if err != nil {
		return err
	}
	var expect expectation
	if err := decodeStrict(expectJSON, &expect); err != nil {
		return err
	}
	options, err := r.callOptions(s)
	if err != nil {
		return err
	}
	ctx, cancel := r.context(s)
	defer cancel()
	result, err := r.call(ctx, "/warren.v1."+s.RPC, request, expect.Events, options)
	if err != nil {
		return err
	}
	if err := check(expect, result); err != nil {
		return err
	}
	return r.save(s.Save, result)
}

// context bounds the call by the step's timeout_ms.
func (r *runner) context(s step) (context.Context, context.CancelFunc) {
	if s.TimeoutMS == 0 {
		return context.WithCancel(context.Background())
	}
	return context.WithTimeout(context.Background(), time.Duration(s.TimeoutMS)*time.Millisecond)
}

// callOptions sends the step's metadata, its variables substituted.
func (r *runner) callOptions(s step) ([]warren.CallOption, error) {
	var options []warren.CallOption
	for key, value := range s.Metadata {
		text, err := r.variables.text(value)
		if err != nil {
			return nil, err
		}
		options = append(options, warren.WithMetadata(key, text))
	}
	return options, nil
}

// method finds the method a path names; nil when Proto/warren/v1 has no such method.
func method(path string) protoreflect.MethodDescriptor {
	var service, name string
	for i := len(path) - 1; i > 0; i-- {
		if path[i] == '/' {
			service, name = path[1:i], path[i+1:]
			break
		}
	}
	descriptor, err := protoregistry.GlobalFiles.FindDescriptorByName(protoreflect.FullName(service))
	if err != nil {
		return nil
	}
	if service, ok := descriptor.(protoreflect.ServiceDescriptor); ok {
		return service.Methods().ByName(protoreflect.Name(name))
	}
	return nil
}

// newMessage makes an empty message of a registered type.
func newMessage(descriptor protoreflect.MessageDescriptor) proto.Message {
	messageType, err := protoregistry.GlobalTypes.FindMessageByName(descriptor.FullName())
	if err != nil {
		panic(fmt.Sprintf("%s is not registered", descriptor.FullName()))
	}
	return messageType.New().Interface()
}

// call makes the step's call: unary, a stream read to its end, or a Subscribe read until the expected
// events. A returned error is a failure of the runner's reading (not the call's status).
func (r *runner) call(ctx context.Context, path string, requestJSON []byte, events []string, options []warren.CallOption) (outcome, error) {
	descriptor := method(path)
	var request, response proto.Message = &warrenpb.SubscribeFromBeginning{}, &warrenpb.SubscribeFromBeginning{}
	if descriptor == nil && string(requestJSON) != "{}" {
		return outcome{}, fmt.Errorf("%s is not a method of Proto/warren/v1 and its request is not {}", path)
	}
	if descriptor != nil { // an unknown method is called raw, with an empty message
		request, response = newMessage(descriptor.Input()), newMessage(descriptor.Output())
		if err := protojson.Unmarshal(requestJSON, request); err != nil {
			return outcome{}, fmt.Errorf("request: %v", err)
		}
	}
	if descriptor == nil || !descriptor.IsStreamingServer() {
		err := r.client.Invoke(ctx, path, request, response, options...)
		return outcome{err: err, view: view{message: response.ProtoReflect()}}, nil
	}
	stream, err := r.client.NewServerStream(ctx, path, request, options...)
	if err != nil {
		return outcome{err: err, view: view{streaming: true}}, nil
	}
	defer stream.Cancel()
	return readStream(stream, descriptor.Output(), len(events))
}

// readStream reads a stream to its end, or (events > 0) until that many envelopes arrived.
func readStream(stream *warren.Stream, responseType protoreflect.MessageDescriptor, events int) (outcome, error) {
	result := outcome{view: view{streaming: true}}
	envelopes := 0
	for events == 0 || envelopes < events {
		message := newMessage(responseType)
		if err := stream.RecvMsg(message); err != nil {
			if events > 0 {
				return result, fmt.Errorf("the stream ended after %d of %d events: %v", envelopes, events, err)
			}
			if err != io.EOF {
				result.err = err
			}
			return result, nil
		}
		result.view.messages = append(result.view.messages, message.ProtoReflect())
		if item, ok := message.(*warrenpb.SubscribeResponse); ok && events > 0 {
			if item.GetLagged() != nil {
				return result, fmt.Errorf("lagged after %d events", envelopes)
			}
			envelopes += len(itemEnvelopes(item))
		}
	}
	return result, nil
}

// check makes the checks in README order: status, detail, length, present, fields, events.
func check(expect expectation, result outcome) error {
	if code := warren.CodeOf(result.err).String(); code != expect.Status {
		return fmt.Errorf("status %s, expected %s (%v)", code, expect.Status, result.err)
	}
	if expect.Detail != nil {
		detail := warren.DetailOf(result.err)
		if detail == nil {
			return fmt.Errorf("the status carries no ErrorDetail (%v)", result.err)
		}
		for _, path := range sortedKeys(expect.Detail) {
			if err := (view{message: detail.ProtoReflect()}).checkField(path, expect.Detail[path]); err != nil {
				return err
			}
		}
	}
	if result.err != nil {
		return nil
	}
	for _, path := range sortedKeys(expect.Length) {
		if err := result.view.checkLength(path, expect.Length[path]); err != nil {
			return err
		}
	}
	for _, path := range expect.Present {
		if err := result.view.checkPresent(path); err != nil {
			return err
		}
	}
	for _, path := range sortedKeys(expect.Fields) {
		if err := result.view.checkField(path, expect.Fields[path]); err != nil {
			return err
		}
	}
	if expect.Events == nil {
		return nil
	}
	return checkEvents(expect.Events, result.view)
}

// sortedKeys orders a map's checks, so a step with several failing ones always reports the same one.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

// checkEvents compares the kinds of the envelopes read with the expected list, in order.
func checkEvents(expected []string, v view) error {
	index := 0
	for _, message := range v.messages {
		item, ok := message.Interface().(*warrenpb.SubscribeResponse)
		if !ok {
			return fmt.Errorf("events are checked on RuntimeEvents/Subscribe only")
		}
		for _, envelope := range itemEnvelopes(item) {
			if index >= len(expected) {
				break
			}
			if kind := eventKind(envelope); kind != expected[index] {
				return fmt.Errorf("event %d is %s, expected %s", index, kind, expected[index])
			}
			index++
		}
	}
	return nil
}

// itemEnvelopes is the events of one Subscribe item: its envelope, or the envelopes of its batch.
func itemEnvelopes(item *warrenpb.SubscribeResponse) []*warrenpb.RuntimeEventEnvelope {
	if envelope := item.GetEnvelope(); envelope != nil {
		return []*warrenpb.RuntimeEventEnvelope{envelope}
	}
	return item.GetBatch().GetEnvelopes()
}

// eventKind is the name of the member set in an envelope's RuntimeEvent, e.g. "input_accepted".
func eventKind(envelope *warrenpb.RuntimeEventEnvelope) string {
	event := envelope.GetEvent().ProtoReflect()
	if field := event.WhichOneof(event.Descriptor().Oneofs().ByName("event")); field != nil {
		return string(field.Name())
	}
	return "(none)"
}

// save stores the step's saved values; a value that is not set fails the step.
func (r *runner) save(saves map[string]string, result outcome) error {
	if result.err != nil {
		return nil
	}
	for name, path := range saves {
		value, err := result.view.save(path)
		if err != nil {
			return err
		}
		r.variables[name] = value
	}
	return nil
}
