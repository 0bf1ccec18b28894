//go:build tools

// Package tools pins the Pulumi CLI's module so `go mod tidy` keeps it: the CLI is built by path,
// `go build github.com/pulumi/pulumi/pkg/v3/cmd/pulumi`, from the versions in go.mod.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
