package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.jobs.ExecutionService;

/** GetExecution (spec §9.2): {@code RunId}. */
public final class GetExecutionHandler implements ActionHandler {
    private final ExecutionService executions;

    public GetExecutionHandler(ExecutionService executions) {
        this.executions = executions;
    }

    @Override
    public Object handle(Params params) {
        return executions.get(params.requireText("RunId"));
    }
}
