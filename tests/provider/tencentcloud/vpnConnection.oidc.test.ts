import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { oidcSuite } from "../../support/oidcSuite";
import { VALID } from "./fixtures";

oidcSuite({ cloud: "tencentcloud", hooks, inputs: VALID, oidcAction: "AssumeRoleWithWebIdentity", roleArn: (cloud) => cloud.emulator.info.tencentcloud!.sts.roleArn });
