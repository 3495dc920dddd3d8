package id.sakip.ledger.performance.web;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.performance.api.RecordIndicatorRealisation;
import id.sakip.ledger.performance.api.RecordSakipEvaluation;
import id.sakip.ledger.performance.api.RecordSurvey;
import id.sakip.ledger.performance.computation.GradingScale;
import id.sakip.ledger.performance.computation.PerformanceMath;
import id.sakip.ledger.performance.query.PerformanceQueries;
import id.sakip.ledger.performance.query.PlanBook;
import id.sakip.ledger.shared.AccessDenied;
import id.sakip.ledger.shared.IndonesianFormat;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.OrganisationAccess;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.UnknownItem;
import id.sakip.ledger.shared.web.IndonesianMessages;
import id.sakip.ledger.shared.web.LedgerIds;

/**
 * The planner's inputs of one indicator: its realisation with source and evidence, an SKM survey (previewed
 * with its computed index before it is recorded) and a SAKIP evaluation's component scores.
 */
@Controller
public class IndicatorPages {

    private final PerformanceQueries queries;
    private final LedgerCommands commands;
    private final OrganisationAccess access;

    public IndicatorPages(PerformanceQueries queries, LedgerCommands commands, OrganisationAccess access) {
        this.queries = queries;
        this.commands = commands;
        this.access = access;
    }

    /** A survey as typed on the page, read: one respondent per line, nine scores 1–4 or "-" for none. */
    record SurveyPreview(int respondents, BigDecimal skm, String grade, String label) {
    }

    @GetMapping("/org/{org}/renstra/indikator/{id}")
    public String page(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) Integer tahun,
                       Model model) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        LedgerIds.require(id, "indicator");
        PlanBook plan = null;
        PlanBook.IndicatorBook indicator = null;
        for (PlanBook p : queries.plans(org, null)) {
            if (p.indicator(id) != null && (tahun == null || tahun >= p.fromYear && tahun <= p.toYear)) {
                plan = p;
                indicator = p.indicator(id);
            }
        }
        if (indicator == null) {
            throw new UnknownItem("UNKNOWN_INDICATOR", "No indicator " + id + " in a Renstra of " + org,
                    java.util.Map.of("indicatorId", id));
        }
        int year = tahun != null ? tahun : Math.max(plan.fromYear, Math.min(plan.toYear,
                Year.now(LedgerClock.WIB).getValue()));
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("plan", plan);
        model.addAttribute("indicator", indicator);
        model.addAttribute("canPlan", access.holds(org, "PLANNER"));
        return "indicator-input";
    }

    @PostMapping("/org/{org}/renstra/indikator/{id}/realisasi")
    public String realisation(@PathVariable String org, @PathVariable String id, @RequestParam int year,
                              @RequestParam String value, @RequestParam(required = false) String source,
                              @RequestParam(required = false) String evidence,
                              @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return attempt(org, id, year, redirect, () -> {
            String outcome = commands.send(new RecordIndicatorRealisation(org, queries.planIdOf(org, id, year), id,
                    year, PlanPages.parseDecimal(value), blankToNull(source), blankToNull(evidence),
                    blankToNull(reason)), new LedgerCommands.Context(org, null, null, null));
            return "UNCHANGED".equals(outcome) ? "Realisasi " + id + " tahun " + year
                    + " sudah bernilai itu; tidak ada yang dicatat."
                    : "Realisasi " + id + " tahun " + year + " dicatat" + ("CORRECTED".equals(outcome)
                    ? "; nilai lama tetap di riwayat." : ".");
        }, "Ditolak: realisasi harus angka, mis. 72,50.");
    }

    @PostMapping("/org/{org}/renstra/indikator/{id}/skm")
    public String survey(@PathVariable String org, @PathVariable String id, @RequestParam int year,
                         @RequestParam(required = false) String period, @RequestParam String responses,
                         @RequestParam(defaultValue = "pratinjau") String action,
                         @RequestParam(defaultValue = "false") boolean recordAsRealisation,
                         RedirectAttributes redirect) {
        redirect.addFlashAttribute("survey", java.util.Map.of("period", period == null ? "" : period,
                "responses", responses, "recordAsRealisation", recordAsRealisation));
        List<List<Integer>> parsed;
        try {
            parsed = parseResponses(responses);
        } catch (IllegalArgumentException bad) {
            redirect.addFlashAttribute("error", "Ditolak: " + bad.getMessage());
            return back(org, id, year);
        }
        if (!"catat".equals(action)) {
            SurveyPreview preview = preview(parsed);
            if (preview == null) {
                redirect.addFlashAttribute("error", "Ditolak: setiap unsur perlu dinilai oleh sedikitnya satu responden.");
            } else {
                redirect.addFlashAttribute("preview", preview);
            }
            return back(org, id, year);
        }
        return attempt(org, id, year, redirect, () -> {
            BigDecimal skm = commands.send(new RecordSurvey(org, queries.planIdOf(org, id, year), id, year,
                    LedgerIds.newId(), blankToNull(period), parsed, recordAsRealisation),
                    new LedgerCommands.Context(org, null, null, null));
            redirect.getFlashAttributes().remove("survey");
            GradingScale.Grade grade = GradingScale.SKM.grade(skm);
            return "Survei SKM dicatat: indeks " + IndonesianFormat.decimal(skm)
                    + (grade == null ? "" : " (mutu " + grade.grade() + ", " + grade.label() + ")") + " dari "
                    + parsed.size() + " responden" + (recordAsRealisation ? ", juga sebagai realisasi " + year : "")
                    + ".";
        }, "Ditolak: nilai survei tidak terbaca.");
    }

    @PostMapping("/org/{org}/renstra/indikator/{id}/sakip")
    public String sakip(@PathVariable String org, @PathVariable String id, @RequestParam int year,
                        @RequestParam String perencanaan, @RequestParam String pengukuran,
                        @RequestParam String pelaporan, @RequestParam String evaluasiInternal,
                        @RequestParam(required = false) String evidence,
                        @RequestParam(defaultValue = "false") boolean recordAsRealisation, RedirectAttributes redirect) {
        return attempt(org, id, year, redirect, () -> {
            BigDecimal total = commands.send(new RecordSakipEvaluation(org, queries.planIdOf(org, id, year), id, year,
                    PlanPages.parseDecimal(perencanaan), PlanPages.parseDecimal(pengukuran),
                    PlanPages.parseDecimal(pelaporan), PlanPages.parseDecimal(evaluasiInternal), blankToNull(evidence),
                    recordAsRealisation), new LedgerCommands.Context(org, null, null, null));
            GradingScale.Grade grade = GradingScale.SAKIP.grade(total);
            return "Evaluasi SAKIP " + year + " dicatat: nilai " + IndonesianFormat.decimal(total)
                    + (grade == null ? "" : " (predikat " + grade.grade() + ", " + grade.label() + ")") + ".";
        }, "Ditolak: setiap komponen harus angka, mis. 26,5.");
    }

    /** The index a survey would get, or {@code null} when an element has no score at all. */
    static SurveyPreview preview(List<List<Integer>> responses) {
        try {
            BigDecimal skm = PerformanceMath.skm(responses.stream().map(r -> r.toArray(new Integer[0])).toList());
            GradingScale.Grade grade = GradingScale.SKM.grade(skm);
            return new SurveyPreview(responses.size(), skm, grade == null ? "-" : grade.grade(),
                    grade == null ? "-" : grade.label());
        } catch (IllegalArgumentException none) {
            return null;
        }
    }

    /** One respondent per line: nine scores 1 to 4 separated by spaces, commas or semicolons, "-" for not answered. */
    static List<List<Integer>> parseResponses(String text) {
        List<List<Integer>> result = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[\\s,;]+");
            if (cells.length != PerformanceMath.SKM_ELEMENTS) {
                throw new IllegalArgumentException("baris " + (n + 1) + " memuat " + cells.length
                        + " nilai; setiap responden menilai " + PerformanceMath.SKM_ELEMENTS + " unsur.");
            }
            List<Integer> scores = new ArrayList<>();
            for (String c : cells) {
                if (c.equals("-")) {
                    scores.add(null);
                } else if (c.matches("[1-4]")) {
                    scores.add(Integer.parseInt(c));
                } else {
                    throw new IllegalArgumentException("baris " + (n + 1) + " memuat \"" + c
                            + "\"; nilai unsur adalah 1 sampai 4, atau - bila tidak dijawab.");
                }
            }
            result.add(scores);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("tuliskan sedikitnya satu responden.");
        }
        return result;
    }

    private String attempt(String org, String id, int year, RedirectAttributes redirect,
                           java.util.function.Supplier<String> write, String unreadable) {
        access.requireRead(LedgerIds.require(org, "organisation"));
        LedgerIds.require(id, "indicator");
        try {
            access.require(org, "PLANNER");
            redirect.addFlashAttribute("message", write.get());
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("error", IndonesianMessages.of(refused));
        } catch (AccessDenied denied) {
            redirect.addFlashAttribute("error", "Ditolak: hanya perencana organisasi ini yang dapat mencatat capaian.");
        } catch (NumberFormatException bad) {
            redirect.addFlashAttribute("error", unreadable);
        }
        return back(org, id, year);
    }

    private static String back(String org, String id, int year) {
        return "redirect:/org/" + org + "/renstra/indikator/" + id + "?tahun=" + year;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
