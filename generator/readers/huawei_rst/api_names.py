"""The API's own operation names, which the pages do not state: the names Huawei Cloud's API
Explorer and its official SDK (huaweicloudsdkas, one `<Name>Request` class per operation)
give each endpoint, keyed by method and path template as the URI line spells them. A v2
endpoint has a name of its own (CreateScalingV2Policy), so v1 and v2 pages of one operation
are two operations. Some endpoints take an `action` in the body that the SDK splits into
several operations; the page describes them as one, named after the first action the page
names (in its title or its `action` values), and the others are recorded in the spec's notes."""

from __future__ import annotations

_V1 = "/autoscaling-api/v1/{project_id}"
_V2 = "/autoscaling-api/v2/{project_id}"

API_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("GET", "/"): ("ListApiVersions",),
    ("GET", "/{api_version}"): ("ShowApiVersion",),
    ("GET", f"{_V1}/quotas"): ("ShowResourceQuota",),
    ("GET", f"{_V1}/quotas/{{scaling_group_id}}"): ("ShowPolicyAndInstanceQuota",),
    ("GET", f"{_V1}/scaling_activity_log/{{scaling_group_id}}"): ("ListScalingActivityLogs",),
    ("POST", f"{_V1}/scaling_configuration"): ("CreateScalingConfig",),
    ("GET", f"{_V1}/scaling_configuration"): ("ListScalingConfigs",),
    ("DELETE", f"{_V1}/scaling_configuration/{{scaling_configuration_id}}"): (
        "DeleteScalingConfig",
    ),
    ("GET", f"{_V1}/scaling_configuration/{{scaling_configuration_id}}"): ("ShowScalingConfig",),
    ("POST", f"{_V1}/scaling_configurations"): ("BatchDeleteScalingConfigs",),
    ("POST", f"{_V1}/scaling_group"): ("CreateScalingGroup",),
    ("GET", f"{_V1}/scaling_group"): ("ListScalingGroups",),
    ("DELETE", f"{_V1}/scaling_group/{{scaling_group_id}}"): ("DeleteScalingGroup",),
    ("GET", f"{_V1}/scaling_group/{{scaling_group_id}}"): ("ShowScalingGroup",),
    ("PUT", f"{_V1}/scaling_group/{{scaling_group_id}}"): ("UpdateScalingGroup",),
    ("POST", f"{_V1}/scaling_group/{{scaling_group_id}}/action"): (
        "ResumeScalingGroup",
        "PauseScalingGroup",
    ),
    ("DELETE", f"{_V1}/scaling_group_instance/{{instance_id}}"): ("DeleteScalingInstance",),
    ("POST", f"{_V1}/scaling_group_instance/{{scaling_group_id}}/action"): (
        "BatchAddScalingInstances",
        "BatchRemoveScalingInstances",
        "BatchProtectScalingInstances",
        "BatchUnprotectScalingInstances",
        "BatchSetScalingInstancesStandby",
        "BatchUnsetScalingInstancesStantby",
    ),
    ("GET", f"{_V1}/scaling_group_instance/{{scaling_group_id}}/list"): ("ListScalingInstances",),
    ("PUT", f"{_V1}/scaling_instance_hook/{{scaling_group_id}}/callback"): (
        "AttachCallbackInstanceLifeCycleHook",
    ),
    ("GET", f"{_V1}/scaling_instance_hook/{{scaling_group_id}}/list"): ("ListHookInstances",),
    ("POST", f"{_V1}/scaling_lifecycle_hook/{{scaling_group_id}}"): ("CreateLifyCycleHook",),
    ("GET", f"{_V1}/scaling_lifecycle_hook/{{scaling_group_id}}/list"): ("ListLifeCycleHooks",),
    ("DELETE", f"{_V1}/scaling_lifecycle_hook/{{scaling_group_id}}/{{lifecycle_hook_name}}"): (
        "DeleteLifecycleHook",
    ),
    ("GET", f"{_V1}/scaling_lifecycle_hook/{{scaling_group_id}}/{{lifecycle_hook_name}}"): (
        "ShowLifeCycleHook",
    ),
    ("PUT", f"{_V1}/scaling_lifecycle_hook/{{scaling_group_id}}/{{lifecycle_hook_name}}"): (
        "UpdateLifeCycleHook",
    ),
    ("POST", f"{_V1}/scaling_policies/action"): (
        "BatchDeleteScalingPolicies",
        "BatchPauseScalingPolicies",
        "BatchResumeScalingPolicies",
    ),
    ("POST", f"{_V1}/scaling_policy"): ("CreateScalingPolicy",),
    ("GET", f"{_V1}/scaling_policy/{{scaling_group_id}}/list"): ("ListScalingPolicies",),
    ("DELETE", f"{_V1}/scaling_policy/{{scaling_policy_id}}"): ("DeleteScalingPolicy",),
    ("GET", f"{_V1}/scaling_policy/{{scaling_policy_id}}"): ("ShowScalingPolicy",),
    ("PUT", f"{_V1}/scaling_policy/{{scaling_policy_id}}"): ("UpdateScalingPolicy",),
    ("POST", f"{_V1}/scaling_policy/{{scaling_policy_id}}/action"): (
        "ExecuteScalingPolicy",
        "ResumeScalingPolicy",
        "PauseScalingPolicy",
    ),
    ("GET", f"{_V1}/scaling_policy_execute_log/{{scaling_policy_id}}"): (
        "ListScalingPolicyExecuteLogs",
    ),
    ("POST", f"{_V1}/{{resource_type}}/resource_instances/action"): ("ListResourceInstances",),
    ("GET", f"{_V1}/{{resource_type}}/tags"): ("ListScalingTagInfosByTenantId",),
    ("GET", f"{_V1}/{{resource_type}}/{{resource_id}}/tags"): ("ListScalingTagInfosByResourceId",),
    ("POST", f"{_V1}/{{resource_type}}/{{resource_id}}/tags/action"): (
        "CreateScalingTagInfo",
        "DeleteScalingTagInfo",
    ),
    ("GET", f"{_V2}/scaling_activity_log/{{scaling_group_id}}"): ("ListScalingActivityV2Logs",),
    ("POST", f"{_V2}/scaling_policy"): ("CreateScalingV2Policy",),
    ("GET", f"{_V2}/scaling_policy"): ("ListAllScalingV2Policies",),
    ("GET", f"{_V2}/scaling_policy/{{scaling_policy_id}}"): ("ShowScalingV2Policy",),
    ("PUT", f"{_V2}/scaling_policy/{{scaling_policy_id}}"): ("UpdateScalingV2Policy",),
    ("GET", f"{_V2}/scaling_policy/{{scaling_resource_id}}/list"): ("ListScalingV2Policies",),
}
