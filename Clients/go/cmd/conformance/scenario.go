package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// scenario is Clients/conformance/scenario.json (format: Clients/conformance/README.md). Decoding
// refuses unknown keys at every level that has a fixed set of keys, so a typo stops the run instead of
// silently skipping a check.
type scenario struct {
	Format      int    `json:"format"`
	Description string `json:"description"`
	Steps       []step `json:"steps"`
}

// step is one call and what it must return. Request and Expect keep their JSON until variables are
// substituted; Expect is then decoded strictly into expectation.
type step struct {
	Name       string            `json:"name"`
	RPC        string            `json:"rpc"`
	Request    json.RawMessage   `json:"request"`
	TimeoutMS  uint64            `json:"timeout_ms"`
	Metadata   map[string]string `json:"metadata"`
	NeedsToken bool              `json:"needs_token"`
	Expect     json.RawMessage   `json:"expect"`
	Save       map[string]string `json:"save"`
}

// expectation is a step's "expect" object.
type expectation struct {
	Status  string                     `json:"status"`
	Detail  map[string]json.RawMessage `json:"detail"`
	Fields  map[string]json.RawMessage `json:"fields"`
	Present []string                   `json:"present"`
	Length  map[string]int             `json:"length"`
	Events  []string                   `json:"events"`
}

// decodeStrict decodes data into target, refusing unknown keys and trailing data.
func decodeStrict(data []byte, target any) error {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.DisallowUnknownFields()
	decoder.UseNumber()
	if err := decoder.Decode(target); err != nil {
		return err
	}
	if decoder.More() {
		return fmt.Errorf("trailing data after the JSON value")
	}
	return nil
}

// loadScenario reads and checks the file before anything runs.
func loadScenario(path string) (*scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var loaded scenario
	if err := decodeStrict(data, &loaded); err != nil {
		return nil, err
	}
	if loaded.Format != 1 {
		return nil, fmt.Errorf("format %d: this runner reads format 1", loaded.Format)
	}
	for i, s := range loaded.Steps {
		if s.Name == "" || s.RPC == "" || s.Request == nil || s.Expect == nil {
			return nil, fmt.Errorf("step %d: name, rpc, request and expect are required", i+1)
		}
		var expect expectation
		if err := decodeStrict(s.Expect, &expect); err != nil || expect.Status == "" {
			return nil, fmt.Errorf("step %d (%s): expect: %v (status is required)", i+1, s.Name, err)
		}
	}
	return &loaded, nil
}
