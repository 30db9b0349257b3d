// PLACEHOLDER: delete this file once the target has real sources.
