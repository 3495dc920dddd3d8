package id.sakip.ledger.eventstore.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A test-only H2 file system ({@code powercut:/path}) that behaves like a disk behind a volatile write
 * cache: bytes written since the last {@link FileChannel#force force} are readable but not yet safe.
 * {@link Disk#cutPower()} takes them away again, as a power cut would, and keeps them aside so that
 * any prefix of them (the last write torn at an arbitrary byte) can be laid over the safe image.
 * Writes go straight to the real file, each with the bytes it overwrote, so a cut rolls back.
 */
public class PowerCutFilePath extends FilePathWrapper {

    private static final String SCHEME = "powercut";
    private static final Map<Path, Disk> DISKS = new ConcurrentHashMap<>();

    /** Registers the file system with H2; safe to call more than once. */
    public static void register() {
        FilePath.register(new PowerCutFilePath());
    }

    /** The H2 file name that opens {@code file} through this file system. */
    public static String fileName(Path file) {
        return SCHEME + ":" + file.toAbsolutePath();
    }

    /** The disk behind {@code file}, created on first use. */
    public static Disk disk(Path file) {
        return DISKS.computeIfAbsent(file.toAbsolutePath(), Disk::new);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        Disk disk = disk(Path.of(unwrap().toString()));
        return disk.open(super.open(mode));
    }

    /** A write or a truncation since the last force, with what it replaced. */
    private sealed interface Op permits Write, Truncate {
    }

    private record Write(long position, byte[] data, byte[] overwritten, long sizeBefore) implements Op {
    }

    private record Truncate(long size, byte[] cutOff) implements Op {
    }

    /** What a power cut took away: the safe image at the cut and the writes lost from the cache, in order. */
    public static final class PowerCut {

        private final Path safeImage;
        private final List<Op> lost;

        private PowerCut(Path safeImage, List<Op> lost) {
            this.safeImage = safeImage;
            this.lost = lost;
        }

        /** Bytes written since the last force and lost in the cut. */
        public long lostBytes() {
            return lost.stream().mapToLong(op -> op instanceof Write w ? w.data().length : 0).sum();
        }

        /**
         * Writes to {@code target} the file as a disk that had kept the first {@code keptBytes} of the lost
         * writes would hold it: every earlier write whole, the one at the cut torn after its first bytes.
         */
        public void writeImage(long keptBytes, Path target) throws IOException {
            Files.copy(safeImage, target, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
                long budget = keptBytes;
                for (Op op : lost) {
                    if (op instanceof Truncate t) {
                        out.truncate(t.size());
                    } else if (op instanceof Write w) {
                        if (budget <= 0) {
                            break;
                        }
                        int length = (int) Math.min(budget, w.data().length);
                        writeFully(out, ByteBuffer.wrap(w.data(), 0, length), w.position());
                        budget -= length;
                    }
                }
            }
        }
    }

    /** The file's volatile cache and what has been forced; one per real file. */
    public static final class Disk {

        private final Path file;
        private final List<Op> unforced = new ArrayList<>();
        private final List<FileChannel> open = new ArrayList<>();
        private final AtomicInteger forces = new AtomicInteger();
        private final AtomicInteger forcesWaiting = new AtomicInteger();
        private volatile CountDownLatch forceGate;
        private volatile boolean failForces;
        private int generation;

        private Disk(Path file) {
            this.file = file;
        }

        synchronized FileChannel open(FileChannel real) {
            open.add(real);
            return new CachedChannel(this, real, generation);
        }

        /** Forces completed so far. */
        public int forces() {
            return forces.get();
        }

        /** Forces waiting for {@link #holdForces()}'s latch now. */
        public int forcesWaiting() {
            return forcesWaiting.get();
        }

        /** Bytes written and not forced yet. */
        public synchronized long unforcedBytes() {
            return unforced.stream().mapToLong(op -> op instanceof Write w ? w.data().length : 0).sum();
        }

        /** Makes every force wait until the returned latch is counted down. */
        public CountDownLatch holdForces() {
            CountDownLatch gate = new CountDownLatch(1);
            forceGate = gate;
            return gate;
        }

        /** Makes every later force fail, as a disk that reports an I/O error on flush. */
        public void failForces() {
            failForces = true;
        }

        /**
         * Cuts the power: every channel open on the file fails from now on (held forces too), the file goes
         * back to what the last force made safe, and the lost writes are returned for {@link PowerCut#writeImage}.
         */
        public synchronized PowerCut cutPower() throws IOException {
            generation++;
            CountDownLatch gate = forceGate;
            if (gate != null) {
                gate.countDown();
            }
            for (FileChannel channel : open) {
                channel.close();
            }
            open.clear();
            List<Op> lost = List.copyOf(unforced);
            try (FileChannel real = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (int i = lost.size() - 1; i >= 0; i--) {
                    if (lost.get(i) instanceof Write w) {
                        writeFully(real, ByteBuffer.wrap(w.overwritten()), w.position());
                        if (real.size() > w.sizeBefore()) {
                            real.truncate(w.sizeBefore());
                        }
                    } else if (lost.get(i) instanceof Truncate t) {
                        writeFully(real, ByteBuffer.wrap(t.cutOff()), t.size());
                    }
                }
            }
            unforced.clear();
            failForces = false;
            forceGate = null;
            Path safe = Files.createTempFile(file.getParent(), "safe-image", ".mv.db");
            Files.copy(file, safe, StandardCopyOption.REPLACE_EXISTING);
            return new PowerCut(safe, lost);
        }

        private void checkPowered(int channelGeneration) throws IOException {
            if (channelGeneration != generation) {
                throw new IOException("the power is off");
            }
        }

        synchronized int read(FileChannel real, int channelGeneration, ByteBuffer dst, long position)
                throws IOException {
            checkPowered(channelGeneration);
            return real.read(dst, position);
        }

        synchronized int write(FileChannel real, int channelGeneration, ByteBuffer src, long position)
                throws IOException {
            checkPowered(channelGeneration);
            byte[] data = new byte[src.remaining()];
            src.get(data);
            long size = real.size();
            int overlap = (int) Math.max(0, Math.min(data.length, size - position));
            ByteBuffer overwritten = ByteBuffer.allocate(overlap);
            while (overwritten.hasRemaining()) {
                if (real.read(overwritten, position + overwritten.position()) < 0) {
                    break;
                }
            }
            unforced.add(new Write(position, data, overwritten.array(), size));
            writeFully(real, ByteBuffer.wrap(data), position);
            return data.length;
        }

        synchronized void truncate(FileChannel real, int channelGeneration, long size) throws IOException {
            checkPowered(channelGeneration);
            long before = real.size();
            if (size >= before) {
                return;
            }
            ByteBuffer cutOff = ByteBuffer.allocate((int) (before - size));
            while (cutOff.hasRemaining()) {
                if (real.read(cutOff, size + cutOff.position()) < 0) {
                    break;
                }
            }
            unforced.add(new Truncate(size, cutOff.array()));
            real.truncate(size);
        }

        void force(int channelGeneration) throws IOException {
            CountDownLatch gate = forceGate;
            if (gate != null) {
                forcesWaiting.incrementAndGet();
                try {
                    if (!gate.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("a held force was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while the force was held");
                } finally {
                    forcesWaiting.decrementAndGet();
                }
            }
            synchronized (this) {
                checkPowered(channelGeneration);
                if (failForces) {
                    throw new IOException("Input/output error (simulated flush failure)");
                }
                unforced.clear();
                forces.incrementAndGet();
            }
        }

        synchronized long size(FileChannel real, int channelGeneration) throws IOException {
            checkPowered(channelGeneration);
            return real.size();
        }

        synchronized void close(FileChannel real) throws IOException {
            open.remove(real);
            real.close();
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
    }

    /** A channel on the real file whose writes stay in the disk's cache until forced. */
    private static final class CachedChannel extends FileBase {

        private final Disk disk;
        private final FileChannel real;
        private final int generation;
        private long position;

        CachedChannel(Disk disk, FileChannel real, int generation) {
            this.disk = disk;
            this.real = real;
            this.generation = generation;
        }

        @Override
        public int read(ByteBuffer dst, long at) throws IOException {
            return disk.read(real, generation, dst, at);
        }

        @Override
        public int write(ByteBuffer src, long at) throws IOException {
            return disk.write(real, generation, src, at);
        }

        @Override
        public synchronized int read(ByteBuffer dst) throws IOException {
            int n = read(dst, position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public synchronized int write(ByteBuffer src) throws IOException {
            int n = write(src, position);
            position += n;
            return n;
        }

        @Override
        public synchronized long position() {
            return position;
        }

        @Override
        public synchronized FileChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            return disk.size(real, generation);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            disk.truncate(real, generation, size);
            return this;
        }

        /** As a real file channel does, an interrupt while forcing closes the channel. */
        @Override
        public void force(boolean metaData) throws IOException {
            try {
                disk.force(generation);
            } catch (java.io.InterruptedIOException e) {
                close();
                Thread.currentThread().interrupt();
                throw new java.nio.channels.ClosedByInterruptException();
            }
        }

        @Override
        public FileLock tryLock(long at, long size, boolean shared) throws IOException {
            return real.tryLock(at, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            disk.close(real);
        }
    }
}
