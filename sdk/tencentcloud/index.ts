export * from "./vpnConnection";
// The arguments, the outputs and their blocks' types, generated from the field table (`npm run docs`).
export * from "./args.generated";
export * from "./outputs.generated";
