package io.vodkit.emulator.routing;

import io.vodkit.emulator.jobs.ExecutionService;

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
