export * from "./vpnConnection";
