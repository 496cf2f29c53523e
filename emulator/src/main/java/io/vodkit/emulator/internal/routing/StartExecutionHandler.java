package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.StartExecutionResult;
import io.vodkit.emulator.internal.jobs.ExecutionService;
import io.vodkit.emulator.internal.jobs.StartExecutionRequest;

/** StartExecution (spec §9.1): Input, Operation, Control, SpaceName (JSON body, or JSON-encoded strings). */
public final class StartExecutionHandler implements ActionHandler {
    private final ExecutionService executions;

    public StartExecutionHandler(ExecutionService executions) {
        this.executions = executions;
    }

    @Override
    public Object handle(Params params) {
        return new StartExecutionResult(executions.start(StartExecutionRequest.parse(
                params.raw("Input"),
                params.raw("Operation"),
                params.raw("Control"),
                params.text("SpaceName").orElse(null))));
    }
}
