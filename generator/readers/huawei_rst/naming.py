"""The API's operation name, derived from the page title: the pages do not state it.
"Creating a Lifecycle Hook" -> CreateLifecycleHook."""

from __future__ import annotations

import re

# A title's leading gerund -> the verb of the operation name ("Modifying" -> Update,
# "Obtaining" and "Viewing" -> Show). "Querying" and "Calling back" depend on the words
# that follow them: operation_name handles those.
_VERBS = {
    "activating": "Activate",
    "adding": "Add",
    "applying": "Apply",
    "associating": "Associate",
    "attaching": "Attach",
    "binding": "Bind",
    "canceling": "Cancel",
    "cancelling": "Cancel",
    "changing": "Change",
    "checking": "Check",
    "configuring": "Configure",
    "creating": "Create",
    "deactivating": "Deactivate",
    "deleting": "Delete",
    "detaching": "Detach",
    "disabling": "Disable",
    "disassociating": "Disassociate",
    "enabling": "Enable",
    "executing": "Execute",
    "exporting": "Export",
    "importing": "Import",
    "listing": "List",
    "managing": "Manage",
    "migrating": "Migrate",
    "modifying": "Update",
    "moving": "Move",
    "obtaining": "Show",
    "pausing": "Pause",
    "putting": "Put",
    "rebooting": "Reboot",
    "registering": "Register",
    "releasing": "Release",
    "removing": "Remove",
    "replacing": "Replace",
    "resizing": "Resize",
    "restoring": "Restore",
    "resuming": "Resume",
    "retrying": "Retry",
    "scaling": "Scale",
    "setting": "Set",
    "starting": "Start",
    "stopping": "Stop",
    "suspending": "Suspend",
    "tagging": "Tag",
    "unbinding": "Unbind",
    "updating": "Update",
    "upgrading": "Upgrade",
    "validating": "Validate",
    "verifying": "Verify",
    "viewing": "Show",
}
_ARTICLES = {"a", "an", "the"}


def operation_name(title: str) -> tuple[str, bool]:
    """The API's operation name from a page title ("Creating a Lifecycle Hook" ->
    CreateLifecycleHook; "Querying X" -> ListX, "Querying a X" -> ShowX), and whether the
    leading verb was known (False: the name is a plain PascalCase of the title)."""
    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"\([^()]*\)", " ", title))
    out: list[str] = []
    known = False
    index = 0
    if words and words[0].lower() == "batch":
        out.append("Batch")
        index = 1
    verb_expected = True
    while index < len(words):
        word = words[index]
        lower = word.lower()
        following = words[index + 1].lower() if index + 1 < len(words) else ""
        if verb_expected and lower == "calling" and following == "back":
            out.append("Callback")
            index += 2
            known, verb_expected = True, False
            continue
        if verb_expected and lower == "querying":
            rest = [w.lower() for w in words[index + 1 : index + 3]]
            detail = bool(rest) and rest[0] in ("details", "detail")
            show = detail or (bool(rest) and rest[0] in _ARTICLES)
            out.append("Show" if show else "List")
            index += 2 if detail else 1
            if detail and index < len(words) and words[index].lower() in ("about", "of", "on"):
                index += 1
            known, verb_expected = True, False
            continue
        if verb_expected and lower in _VERBS:
            out.append(_VERBS[lower])
            known, verb_expected = True, False
        elif lower in ("or", "and") and following in _VERBS:
            out.append(word.capitalize())
            verb_expected = True
        elif lower in _ARTICLES:
            pass
        else:
            out.append(word[0].upper() + word[1:])
            verb_expected = False
        index += 1
    return "".join(out), known
