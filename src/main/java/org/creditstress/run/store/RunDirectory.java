package org.creditstress.run.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results folder that appears only when complete: files are written into a hidden temporary
 * sibling ({@code .incomplete-...}) and moved to the final name at the end; a failed run deletes
 * its temporary folder, so nothing half-written is ever left where results are expected.
 *
 * <p>Concurrent runs: a default run id ({@link #defaultTarget}) is only a first choice; the final
 * folder is claimed by the atomic rename itself, and if another run took the name meanwhile the
 * next free {@code <id>-<n>} is taken, so two runs started in the same second both land.
 * A temporary folder holds a lock file ({@value #LOCK}) locked for the life of the run; a
 * temporary folder beside a new one whose lock no live process holds (and that has not changed
 * for a minute) was left by a killed run, and is deleted; one without a lock file is deleted
 * once older than a day.
 *
 * <p>Problems with the folder's path (a parent that is a file, a dangling link, a file system
 * that refuses folders such as {@code /proc}, a name too long) are {@link UnusablePath}, with a
 * one-line message naming the path and the reason.
 */
public final class RunDirectory implements AutoCloseable {
    /** The lock file inside a temporary folder. */
    public static final String LOCK = ".run.lock";
    /** Longest folder name, in UTF-8 bytes, that leaves room for the temporary folder's prefix and suffix. */
    public static final int MAX_NAME_BYTES = 255 - ".incomplete-".length() - 1 - 16;
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NUMBERED = Pattern.compile("(.*)-(\\d+)");
    private Path target;
    private final boolean renameOnCollision;
    private final Path temp;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean committed;
    /** The outermost folder this made to hold the results folder (null if its parent existed): removed again on failure if empty. */
    private final Path firstCreated;

    /** A results folder path that cannot be used; the message names the path and the reason. */
    public static final class UnusablePath extends IllegalArgumentException {
        public UnusablePath(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private RunDirectory(Path target, boolean renameOnCollision) throws IOException {
        this.target = target;
        this.renameOnCollision = renameOnCollision;
        Path parent = target.toAbsolutePath().getParent();
        Path created = null;
        for (Path p = parent; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            created = p;
        }
        this.firstCreated = created;
        Files.createDirectories(parent);
        removeStale(parent);
        // Not Files.createTempDirectory: its folder is readable by the owner only, and results are for sharing.
        Path dir;
        while (true) {
            dir = parent.resolve(".incomplete-" + target.getFileName() + "-" + Long.toHexString(System.nanoTime()));
            try {
                Files.createDirectory(dir);
                break;
            } catch (FileAlreadyExistsException again) {
                // another run's folder of the same nanosecond: try the next
            } catch (java.nio.file.NoSuchFileException gone) {
                // a failed run beside this one removed the (then empty) parent it had made: make it again
                Files.createDirectories(parent);
            }
        }
        this.temp = dir;
        this.lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.lock = lockChannel.lock();
        lockChannel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /** The default folder {@code outputRoot/<scenario>/<timestamp>[-n]}, not yet existing (a first choice, see the class comment). */
    public static Path defaultTarget(Path outputRoot, String scenarioName) {
        String id = LocalDateTime.now().format(RUN_ID);
        Path dir = outputRoot.resolve(scenarioName).resolve(id);
        for (int n = 2; Files.exists(dir, LinkOption.NOFOLLOW_LINKS); n++) {
            dir = outputRoot.resolve(scenarioName).resolve(id + "-" + n);
        }
        return dir;
    }

    /**
     * Prepares to write into {@code target}, which must not exist or be an empty folder.
     *
     * @throws IllegalArgumentException if {@code target} exists and is not an empty folder
     * @throws UnusablePath if the path cannot hold a results folder
     */
    public static RunDirectory create(Path target) throws IOException {
        return create(target, false);
    }

    /**
     * As {@link #create(Path)}; with {@code renameOnCollision} (for a default run id) a folder that
     * another run committed under the same name meanwhile makes this one take {@code <name>-<n>}.
     */
    public static RunDirectory create(Path target, boolean renameOnCollision) throws IOException {
        checkUsable(target);
        if (Files.exists(target)) {
            boolean emptyDir;
            try (Stream<Path> s = Files.isDirectory(target) ? Files.list(target) : null) {
                emptyDir = s != null && s.findAny().isEmpty();
            }
            if (!emptyDir) {
                throw new IllegalArgumentException(target + " already exists and is not an empty folder; choose another --out or delete it");
            }
        }
        try {
            return new RunDirectory(target, renameOnCollision);
        } catch (FileSystemException e) {
            throw unusable(target, e);
        }
    }

    /** Refuses, with the path and the reason, a target that cannot be a results folder. */
    public static void checkUsable(Path target) {
        Path name = target.getFileName();
        if (name == null) {
            throw new UnusablePath(target + ": not a folder name", null);
        }
        int bytes = name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new UnusablePath(abbreviate(target) + ": folder name too long (" + bytes + " bytes; at most " + MAX_NAME_BYTES + ")", null);
        }
        for (Path p = target.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                throw new UnusablePath(target + ": " + p + " is a link to a path that does not exist", null);
            }
            if (Files.exists(p) && !Files.isDirectory(p) && !p.equals(target.toAbsolutePath())) {
                throw new UnusablePath(target + ": " + p + " is a file, not a folder", null);
            }
        }
        String abs = target.toAbsolutePath().normalize().toString();
        for (String system : new String[] {"/proc", "/sys"}) {
            if (abs.equals(system) || abs.startsWith(system + "/")) {
                throw new UnusablePath(target + ": " + system + " is a system file system, not a place for results", null);
            }
        }
    }

    private static String abbreviate(Path p) {
        String s = p.toString();
        return s.length() <= 80 ? s : s.substring(0, 60) + "..." + s.substring(s.length() - 17);
    }

    private static UnusablePath unusable(Path target, FileSystemException e) {
        String reason = e.getReason() != null ? e.getReason()
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e instanceof FileAlreadyExistsException ? "already exists" : e.getClass().getSimpleName();
        String at = e.getFile() == null || e.getFile().equals(target.toString()) ? "" : " (at " + abbreviate(Path.of(e.getFile())) + ")";
        return new UnusablePath(abbreviate(target) + ": cannot create the results folder: " + reason + at, e);
    }

    /**
     * Deletes the temporary folders in {@code parent} that killed runs left: those whose lock file
     * no live process holds, and those without a lock file older than a day. Returns how many.
     */
    public static int removeStale(Path parent) {
        List<Path> candidates;
        try (Stream<Path> s = Files.list(parent)) {
            candidates = s.filter(p -> p.getFileName().toString().startsWith(".incomplete-") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .toList();
        } catch (IOException e) {
            return 0;
        }
        int removed = 0;
        for (Path dir : candidates) {
            try {
                if (isStale(dir)) {
                    deleteTree(dir);
                    removed++;
                }
            } catch (IOException | UncheckedIOException e) {
                // in use, or not ours to delete: leave it
            }
        }
        return removed;
    }

    private static boolean isStale(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK);
        Instant modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
        if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return modified.isBefore(Instant.now().minus(Duration.ofDays(1)));
        }
        if (modified.isAfter(Instant.now().minus(Duration.ofMinutes(1)))) {
            // a run that is starting may not have locked its lock file yet
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return false;
            }
            l.release();
            return true;
        } catch (OverlappingFileLockException heldHere) {
            return false;
        }
    }

    /** Where to write while the run is incomplete. */
    public Path temp() {
        return temp;
    }

    /** The final folder (after {@link #commit()}, the one actually taken). */
    public Path target() {
        return target;
    }

    /** Moves the finished folder into place. */
    public void commit() throws IOException {
        releaseLock();
        Files.deleteIfExists(temp.resolve(LOCK));
        while (true) {
            try {
                AtomicFiles.rename(temp, target);
                break;
            } catch (FileSystemException taken) {
                // rename(2) replaces an empty folder, fails on a non-empty one (ENOTEMPTY or EEXIST)
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw taken;
                }
                if (!renameOnCollision) {
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && isEmptyDir(target)) {
                        Files.delete(target);
                        continue;
                    }
                    throw taken;
                }
                target = next(target);
            }
        }
        committed = true;
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** {@code id} becomes {@code id-2}, {@code id-2} becomes {@code id-3}. */
    private static Path next(Path p) {
        String name = p.getFileName().toString();
        Matcher m = NUMBERED.matcher(name);
        String next = m.matches() && m.group(1).matches("\\d{8}-\\d{6}") ? m.group(1) + "-" + (Integer.parseInt(m.group(2)) + 1) : name + "-2";
        return p.resolveSibling(next);
    }

    private void releaseLock() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            // closing the channel releases the lock anyway
        }
    }

    /**
     * Unless the run was committed, deletes the temporary folder and the folders made to hold it
     * (such as {@code output/<scenario>/}) if nothing else is in them: a failed run leaves nothing.
     */
    @Override
    public void close() {
        releaseLock();
        if (committed) {
            return;
        }
        try {
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (firstCreated != null) {
            for (Path p = temp.getParent(); p != null && p.startsWith(firstCreated); p = p.getParent()) {
                try {
                    Files.delete(p);
                } catch (IOException inUseOrGone) {
                    // another run's folder is in there (or it is gone already): leave it
                    break;
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
