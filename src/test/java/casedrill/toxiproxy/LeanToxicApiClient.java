package casedrill.toxiproxy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The toxic calls as bare HTTP/1.1 on one kept-alive socket with TCP_NODELAY: each request goes out in one write and
 * the reply is read up to its Content-Length, nothing more. What is left of a call here is the server's work, the
 * loopback round trip and the machine's scheduling, so its floor shows how much of the official client's p99 is the
 * client's own.
 */
final class LeanToxicApiClient implements ToxicApiClient, AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private final String proxy;

    LeanToxicApiClient(String host, int apiPort, String proxy) throws IOException {
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, apiPort), 2_000);
        socket.setSoTimeout(10_000);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
        this.host = host + ":" + apiPort;
        this.proxy = proxy;
    }

    @Override
    public String name() {
        return "bare HTTP/1.1, one socket";
    }

    @Override
    public void version() throws IOException {
        call("GET", "/version", null, 200);
    }

    @Override
    public void addLatency(long millis) throws IOException {
        String body = String.format(Locale.ROOT,
                "{\"name\":\"%s\",\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1.0,\"attributes\":{\"latency\":%d,\"jitter\":0}}",
                TOXIC, millis);
        call("POST", "/proxies/" + proxy + "/toxics", body, 200);
    }

    @Override
    public void removeLatency() throws IOException {
        call("DELETE", "/proxies/" + proxy + "/toxics/" + TOXIC, null, 204);
    }

    private void call(String method, String path, String body, int expected) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + content.length
                + (body == null ? "" : "\r\nContent-Type: application/json") + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + content.length);
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(content);
        out.write(request.toByteArray());
        out.flush();
        int status = readReply();
        if (status != expected) {
            throw new IOException(method + " " + path + " answered " + status + ", expected " + expected);
        }
    }

    /** Status line and headers to the blank line, then exactly Content-Length bytes of body; returns the status. */
    private int readReply() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            }
        }
        in.skipNBytes(length);
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the API closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
