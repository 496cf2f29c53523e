package io.vodkit.cli.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.vodkit.cli.ProgressHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool call's progress as MCP {@code notifications/progress} for the client's progressToken. Progress values only
 * grow, as the protocol requires: upload bytes are sent at most once per percent (and never when they went back),
 * each poll adds one.
 */
final class McpProgress implements ProgressHook {
    private static final Logger LOG = LoggerFactory.getLogger(McpProgress.class);

    private final McpSyncServerExchange exchange;
    private final Object token;
    private double sent;
    private long percentSent = -1;

    McpProgress(McpSyncServerExchange exchange, Object token) {
        this.exchange = exchange;
        this.token = token;
    }

    @Override
    public synchronized void transferred(String label, long bytes, long totalBytes) {
        long percent = totalBytes <= 0 ? 100 : bytes * 100 / totalBytes;
        if (bytes <= sent || percent == percentSent) {
            return;
        }
        percentSent = percent;
        send(bytes, (double) totalBytes, "uploading " + label + ": " + percent + "%");
    }

    @Override
    public synchronized void status(String message) {
        send(Math.floor(sent) + 1, null, message);
    }

    private void send(double progress, Double total, String message) {
        sent = progress;
        try {
            exchange.progressNotification(new ProgressNotification(token, progress, total, message));
        } catch (RuntimeException closed) {
            LOG.debug("progress notification not sent: {}", closed.getMessage());
        }
    }
}
