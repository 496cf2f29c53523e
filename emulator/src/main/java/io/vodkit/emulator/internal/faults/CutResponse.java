package io.vodkit.emulator.internal.faults;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import org.eclipse.jetty.io.EofException;

/**
 * A response whose body passes through up to a cut point (half its declared {@code Content-Length}, else half of
 * the first write), is flushed there, and then ends with the {@link Cut}; later writes fail as writes to a closed
 * connection do. A body that ends before the cut point is cut when it ends ({@link #finish()}).
 */
final class CutResponse extends HttpServletResponseWrapper {

    /** What happens at the cut point (a stall, the connection closing). */
    @FunctionalInterface
    interface Cut {
        void run() throws IOException;
    }

    private final Cut cut;
    private long declaredLength = -1;
    private CutStream stream;
    private PrintWriter writer;

    CutResponse(HttpServletResponse response, Cut cut) {
        super(response);
        this.cut = cut;
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        declaredLength = length;
        super.setContentLengthLong(length);
    }

    @Override
    public void setHeader(String name, String value) {
        noteLength(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        noteLength(name, value);
        super.addHeader(name, value);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new CutStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        getOutputStream().flush();
    }

    /** Cuts now unless the body already reached its cut point. */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        ((CutStream) getOutputStream()).cut();
    }

    private void noteLength(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            try {
                declaredLength = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                declaredLength = -1;
            }
        }
    }

    private final class CutStream extends ServletOutputStream {
        private final ServletOutputStream out;
        private long written;
        private long cutAt = -1;
        private boolean done;

        CutStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (done) {
                throw new EofException("connection closed (injected fault)");
            }
            if (cutAt < 0) {
                cutAt = declaredLength >= 0 ? declaredLength / 2 : length / 2;
            }
            int pass = (int) Math.min(length, cutAt - written);
            if (pass > 0) {
                out.write(bytes, offset, pass);
                written += pass;
            }
            if (pass < length) {
                cut();
                throw new EofException("connection closed (injected fault)");
            }
        }

        @Override
        public void flush() throws IOException {
            if (!done) {
                out.flush();
            }
        }

        /** Ends the response here; nothing reaches the client after this. */
        @Override
        public void close() throws IOException {
            cut();
        }

        void cut() throws IOException {
            if (done) {
                return;
            }
            done = true;
            if (written > 0) {
                out.flush();
            }
            cut.run();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
