/** Shared inputs of the Alibaba provider tests. */
import { Props } from "../../../provider/core/schema";

/** A valid connection on the emulator's first VPN and customer gateways (the region comes from the environment). */
export const VALID: Props = {
    vpnGatewayId: "vpn-emu00000000000001",
    customerGatewayId: "cgw-emu00000000000001",
    localSubnets: ["10.0.0.0/16"],
    remoteSubnets: ["192.168.10.0/24"],
    name: "office",
    preSharedKey: "Psk-For-Tests-1",
};
