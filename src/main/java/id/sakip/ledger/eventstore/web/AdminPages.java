package id.sakip.ledger.eventstore.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import id.sakip.ledger.eventstore.ProjectionLag;
import id.sakip.ledger.eventstore.projection.ProjectionRebuilds;
import id.sakip.ledger.eventstore.projection.ProjectionRebuilds.RebuildStatus;
import id.sakip.ledger.shared.InvalidValue;

/** The administrator's page for read models: how far each lags behind the log, and rebuilds with their progress. */
@Controller
public class AdminPages {

    private final ProjectionRebuilds rebuilds;
    private final ProjectionLag lag;

    public AdminPages(ProjectionRebuilds rebuilds, ProjectionLag lag) {
        this.rebuilds = rebuilds;
        this.lag = lag;
    }

    /** One read model on the page. */
    public record ProjectionRow(String processor, Long lag, RebuildStatus rebuild, boolean running) {

        /** What the read model holds, in Bahasa Indonesia; its technical name stays beside it. */
        public String label() {
            return switch (processor) {
                case "budget-books" -> "Buku anggaran (pagu dan realisasi per baris)";
                case "plan-books" -> "Buku Renstra (target, realisasi, SKM dan SAKIP)";
                case "audit-index" -> "Indeks jejak audit per organisasi";
                case "organisations" -> "Daftar organisasi";
                case "user-accounts" -> "Daftar pengguna dan peran";
                case "user-cache" -> "Salinan pengguna untuk masuk";
                default -> "Model baca " + processor;
            };
        }
    }

    @GetMapping("/admin/proyeksi")
    public String projections(Model model) {
        Map<String, Long> lags = lag.lagByProcessor();
        List<ProjectionRow> rows = new ArrayList<>();
        boolean anyRunning = false;
        Map<String, RebuildStatus> statuses = new java.util.HashMap<>();
        rebuilds.statuses().forEach(st -> statuses.put(st.processor(), st));
        for (String name : rebuilds.processors()) {
            RebuildStatus status = statuses.get(name);
            boolean running = rebuilds.isRebuilding(name);
            anyRunning |= running;
            rows.add(new ProjectionRow(name, lags.get(name), status, running));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("running", anyRunning);
        if (anyRunning) {
            model.addAttribute("refreshSeconds", 2);
        }
        return "projections";
    }

    @PostMapping("/admin/proyeksi/bangun-ulang")
    public String rebuild(@RequestParam(required = false) String processor) {
        if (processor == null) {
            rebuilds.start(rebuilds.processors());
            return "redirect:/admin/proyeksi";
        }
        if (!rebuilds.processors().contains(processor)) {
            throw new InvalidValue("UNKNOWN_PROCESSOR", "No read model is called " + processor,
                    Map.of("processor", processor));
        }
        rebuilds.start(processor);
        return "redirect:/admin/proyeksi";
    }
}
