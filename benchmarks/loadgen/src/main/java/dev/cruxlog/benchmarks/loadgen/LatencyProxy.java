package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * {@code proxy LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS SECONDS}: a TCP proxy on 127.0.0.1 that
 * adds latency, for benchmarks with a network between a server and PostgreSQL ({@code tc netem}
 * is not available here). Every chunk read from one side is written to the other DELAY_MS after
 * it was read, in each direction, in order.
 *
 * <p>Two threads. The reader waits in an NIO selector, so it wakes as soon as bytes arrive, and
 * stamps each chunk it reads with its due time (now + DELAY_MS). Since the delay is the same
 * for every chunk, due times grow in the order chunks are read, across all connections: one
 * FIFO queue holds them all, and the writer takes its head, parks until it is due (to the
 * nanosecond; how late each chunk was written is printed at the end, p50 to max) and writes it. So each
 * direction's bytes keep their order, and no thread sleeps per connection. End of stream is
 * forwarded as a half-close after the same delay. A direction with more than 4 MB queued stops
 * being read until it drains below 1 MB (backpressure); a write the socket cannot take at once
 * is retried every 50 us (for at most 10 s, then the connection is dropped). Stops after
 * SECONDS, or when stopped, and prints connections and bytes moved as JSON.
 */
final class LatencyProxy {

    private static final long PAUSE_ABOVE = 4L << 20;
    private static final long RESUME_BELOW = 1L << 20;
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Bytes read from {@code direction.from} at {@code due - delay}; {@code data == null} is the end of the stream. */
    private record Chunk(long due, Direction direction, ByteBuffer data) {
    }

    /** One direction of a proxied connection. */
    private static final class Direction {
        final Pair pair;
        final SocketChannel from;
        final SocketChannel to;
        final AtomicLong queued = new AtomicLong();
        boolean paused;
        boolean ended;

        Direction(Pair pair, SocketChannel from, SocketChannel to) {
            this.pair = pair;
            this.from = from;
            this.to = to;
        }
    }

    private static final class Pair {
        final SocketChannel client;
        final SocketChannel server;
        final Direction up;
        final Direction down;
        final AtomicBoolean closed = new AtomicBoolean();
        volatile SelectionKey clientKey;
        volatile SelectionKey serverKey;
        int halfClosed;

        Pair(SocketChannel client, SocketChannel server) {
            this.client = client;
            this.server = server;
            this.up = new Direction(this, client, server);
            this.down = new Direction(this, server, client);
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                for (SocketChannel channel : new SocketChannel[] {client, server}) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }
    }

    private final InetSocketAddress target;
    private final long delayNanos;
    private final Selector selector;
    private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failedConnects = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    /** How late each chunk was written after it fell due, in microseconds. */
    private final Histogram late = new SynchronizedHistogram(3);
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private volatile boolean running = true;

    private LatencyProxy(InetSocketAddress target, long delayMs) throws IOException {
        this.target = target;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMs);
        this.selector = Selector.open();
    }

    static void run(int listenPort, String targetHost, int targetPort, long delayMs, int seconds) throws Exception {
        LatencyProxy proxy = new LatencyProxy(new InetSocketAddress(targetHost, targetPort), delayMs);
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress("127.0.0.1", listenPort), 4096);
        listener.configureBlocking(false);
        listener.register(proxy.selector, SelectionKey.OP_ACCEPT);
        System.err.println("proxy 127.0.0.1:" + listenPort + " -> " + targetHost + ":" + targetPort + ", +" + delayMs
                + " ms each way, for " + seconds + " s");
        AtomicBoolean printed = new AtomicBoolean();
        Runnable report = () -> {
            if (printed.compareAndSet(false, true)) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("delayMs", delayMs);
                result.put("connections", proxy.accepted.get());
                result.put("failedConnects", proxy.failedConnects.get());
                result.put("bytesToTarget", proxy.bytesUp.get());
                result.put("bytesFromTarget", proxy.bytesDown.get());
                Histogram late = proxy.late.copy();
                result.put("chunks", late.getTotalCount());
                result.put("lateP50Ms", late.getValueAtPercentile(50) / 1000.0);
                result.put("lateP99Ms", late.getValueAtPercentile(99) / 1000.0);
                result.put("lateP999Ms", late.getValueAtPercentile(99.9) / 1000.0);
                result.put("lateMaxMs", late.getMaxValue() / 1000.0);
                System.out.println(LoadGenerator.json(result));
                System.out.flush();
            }
        };
        // Stopped early (run.sh stops it by pid): still say what went through.
        Runtime.getRuntime().addShutdownHook(new Thread(report));
        Thread writer = new Thread(proxy::write, "proxy-writer");
        writer.setDaemon(true);
        writer.start();
        proxy.read(listener, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
        proxy.running = false;
        writer.join(1000);
        report.run();
        System.exit(0);
    }

    /** The reader: accepts, connects, reads and queues, until the deadline. */
    private void read(ServerSocketChannel listener, long deadline) throws IOException {
        while (System.nanoTime() < deadline) {
            selector.select(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)));
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                if (!key.isValid()) {
                    continue;
                }
                if (key.attachment() == null) {
                    accept(listener);
                    continue;
                }
                Pair pair = (Pair) key.attachment();
                try {
                    if (key.isConnectable()) {
                        connected(pair);
                    } else if (key.isReadable()) {
                        read(key.channel() == pair.client ? pair.up : pair.down, key);
                    }
                } catch (IOException | RuntimeException e) {
                    pair.close();
                }
            }
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    private void accept(ServerSocketChannel listener) throws IOException {
        SocketChannel client;
        while ((client = listener.accept()) != null) {
            accepted.incrementAndGet();
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SocketChannel server = SocketChannel.open();
            server.configureBlocking(false);
            server.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Pair pair = new Pair(client, server);
            pair.clientKey = client.register(selector, 0, pair);
            try {
                if (server.connect(target)) {
                    pair.serverKey = server.register(selector, 0, pair);
                    connected(pair);
                } else {
                    pair.serverKey = server.register(selector, SelectionKey.OP_CONNECT, pair);
                }
            } catch (IOException e) {
                failedConnects.incrementAndGet();
                pair.close();
            }
        }
    }

    private void connected(Pair pair) throws IOException {
        try {
            if (!pair.server.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            failedConnects.incrementAndGet();
            throw e;
        }
        pair.serverKey.interestOps(SelectionKey.OP_READ);
        pair.clientKey.interestOps(SelectionKey.OP_READ);
    }

    private void read(Direction direction, SelectionKey key) throws IOException {
        readBuffer.clear();
        int n = direction.from.read(readBuffer);
        long due = System.nanoTime() + delayNanos;
        if (n < 0) {
            direction.ended = true;
            key.interestOps(0);
            queue.add(new Chunk(due, direction, null));
        } else if (n > 0) {
            readBuffer.flip();
            ByteBuffer buffer = ByteBuffer.allocate(n).put(readBuffer).flip();
            (direction == direction.pair.up ? bytesUp : bytesDown).addAndGet(n);
            queue.add(new Chunk(due, direction, buffer));
            synchronized (direction) {
                if (direction.queued.addAndGet(n) > PAUSE_ABOVE) {
                    direction.paused = true;
                    key.interestOps(0);
                }
            }
        }
    }

    /** The writer: each chunk when it is due, in the order read. */
    private void write() {
        while (running) {
            Chunk chunk;
            try {
                chunk = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (chunk == null) {
                continue;
            }
            long wait;
            while ((wait = chunk.due() - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            late.recordValue(Math.max(0, (System.nanoTime() - chunk.due()) / 1000));
            Direction direction = chunk.direction();
            Pair pair = direction.pair;
            if (pair.closed.get()) {
                continue;
            }
            try {
                if (chunk.data() == null) {
                    direction.to.shutdownOutput();
                    synchronized (pair) {
                        if (++pair.halfClosed == 2) {
                            pair.close();
                        }
                    }
                    continue;
                }
                long stuckSince = System.nanoTime();
                int size = chunk.data().remaining();
                while (chunk.data().hasRemaining()) {
                    if (direction.to.write(chunk.data()) == 0) {
                        if (System.nanoTime() - stuckSince > STUCK_NANOS) {
                            throw new IOException("the peer stopped reading");
                        }
                        LockSupport.parkNanos(50_000);
                    }
                }
                synchronized (direction) {
                    if (direction.queued.addAndGet(-size) < RESUME_BELOW && direction.paused) {
                        direction.paused = false;
                        SelectionKey key = direction.from == pair.client ? pair.clientKey : pair.serverKey;
                        key.interestOps(SelectionKey.OP_READ);
                        selector.wakeup();
                    }
                }
            } catch (IOException | RuntimeException e) {
                pair.close();
            }
        }
    }
}
