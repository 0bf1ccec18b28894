import * as hooks from "../../../provider/alicloud/vpnConnection";
import { oidcSuite } from "../../support/oidcSuite";
import { VALID } from "./fixtures";

oidcSuite({ cloud: "alicloud", hooks, inputs: VALID, oidcAction: "AssumeRoleWithOIDC", roleArn: (cloud) => cloud.alicloud.sts.roleArn });
