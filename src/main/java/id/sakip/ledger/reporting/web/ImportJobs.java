package id.sakip.ledger.reporting.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import id.sakip.ledger.reporting.command.LkjipImporter;
import id.sakip.ledger.reporting.command.LkjipImporter.ImportResult;
import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.IndonesianMessages;
import jakarta.annotation.PreDestroy;

/**
 * Imports started from the pages run here, one at a time, as the user who started them; their
 * progress is kept (the last 50) so the progress page can show it while the import runs.
 */
@Component
public class ImportJobs {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportJobs.class);

    /** Why an LKjIP file of an organisation the user may not record for is refused, in words. */
    static final String REFUSED = "Ditolak: hanya perencana organisasi dalam berkas ini, atau perencana seluruh "
            + "kabupatennya (Bappeda) bila organisasinya baru atau termasuk kabupaten itu, yang dapat mengimpornya; "
            + "tidak ada yang dicatat.";

    /** Where one import stands. */
    public static final class Job {
        public final String id;
        public final String startedBy;
        public final String fileName;
        public final Instant startedAt;
        public volatile String phase = "Menunggu giliran";
        public volatile int done;
        public volatile int total;
        public volatile boolean finished;
        public volatile String error;
        public volatile ImportResult result;
        public volatile Instant finishedAt;

        Job(String id, String startedBy, String fileName, Instant startedAt) {
            this.id = id;
            this.startedBy = startedBy;
            this.fileName = fileName;
            this.startedAt = startedAt;
        }

        public int percent() {
            return finished ? 100 : total == 0 ? 0 : (int) Math.min(99, 100L * done / total);
        }
    }

    private final LkjipImporter importer;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public ImportJobs(LkjipImporter importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    /** Starts importing {@code bytes} as the current user and returns the job to follow. */
    public Job start(String id, String fileName, byte[] bytes) {
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        Job job = new Job(id, user, fileName, clock.instant());
        synchronized (jobs) {
            jobs.put(id, job);
            while (jobs.size() > 50) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        worker.execute(DelegatingSecurityContextRunnable.create(() -> run(job, bytes),
                SecurityContextHolder.getContext()));
        return job;
    }

    private void run(Job job, byte[] bytes) {
        try {
            job.result = importer.importFile(bytes, false, "import-" + job.id, (phase, done, total) -> {
                job.phase = phase;
                job.done = done;
                job.total = total;
            });
            job.phase = "Selesai";
        } catch (RuleViolation refused) {
            job.error = IndonesianMessages.of(refused);
        } catch (AccessDenied denied) {
            job.error = REFUSED;
        } catch (RuntimeException failed) {
            log.error("Import {} failed", job.id, failed);
            job.error = "Impor gagal karena kesalahan sistem; tidak ada yang dicatat. Laporkan nomor impor "
                    + job.id + " kepada administrator.";
        } finally {
            job.finishedAt = clock.instant();
            job.finished = true;
        }
    }

    /** The job, if the current user started it. */
    public Job find(String id, String user) {
        synchronized (jobs) {
            Job job = jobs.get(id);
            return job != null && job.startedBy.equals(user) ? job : null;
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
