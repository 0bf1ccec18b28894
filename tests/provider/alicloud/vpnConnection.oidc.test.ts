import * as hooks from "../../../provider/alicloud/vpnConnection";
import { oidcSuite } from "../../support/oidcSuite";
import { VALID } from "./fixtures";

oidcSuite({ cloud: "alicloud", hooks, inputs: VALID, oidcAction: "AssumeRoleWithOIDC", expiredTokenCode: "AuthenticationFail.OIDCToken.Expired", roleArn: (cloud) => cloud.alicloud.sts.roleArn });
