package id.sakip.ledger.eventstore.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Why a verification failed, in Bahasa Indonesia for the verification page ({@code ${@verdict.reason(r)}});
 * the API keeps the verifier's own English reason.
 */
@Component("verdict")
public class VerificationWords {

    private static final Map<Pattern, String> REASONS = new LinkedHashMap<>();

    static {
        reason("commit at sequence (\\d+) is missing or out of place.*", "commit pada urutan $1 hilang atau tidak pada tempatnya");
        reason("commit at sequence (\\d+) cannot be read.*", "commit pada urutan $1 tidak dapat dibaca");
        reason("commit (\\d+) cannot be read.*", "commit $1 tidak dapat dibaca");
        reason("content or chain link of commit (\\d+) does not match its hash.*",
                "isi atau mata rantai commit $1 tidak cocok dengan hash-nya: commit itu diubah");
        reason("commit (\\d+) names a different previous hash.*", "commit $1 menyebut hash sebelumnya yang berbeda");
        reason("commit (\\d+) holds (\\d+) events but spans (\\d+).*", "commit $1 berisi $2 peristiwa tetapi mencakup $3");
        reason("commit (\\d+) holds two events at aggregate sequence.*",
                "commit $1 berisi dua peristiwa pada urutan agregat yang sama");
        reason("stream keys of commit (\\d+) do not match its events.*",
                "kunci aliran commit $1 tidak cocok dengan peristiwanya");
        reason("the log no longer extends the saved digest at sequence (\\d+).*",
                "log tidak lagi memuat digest yang disimpan pada urutan $1: isi pada atau sebelum urutan itu telah diubah");
        reason("the log ends at sequence (\\d+), before the saved digest's head (\\d+).*",
                "log berakhir pada urutan $1, sebelum kepala digest yang disimpan (urutan $2): commit telah dihapus");
        reason("the checkpoint file holds lines that are not signed.*",
                "berkas checkpoint memuat baris yang tidak bertanda tangan sah dengan kunci ledger");
        reason("the log ends at sequence (\\d+), before the checkpoint signed at \\S+ for sequence (\\d+).*",
                "log berakhir pada urutan $1, sebelum checkpoint bertanda tangan untuk urutan $2: commit telah dihapus");
        reason("commit (\\d+) no longer has the hash of the checkpoint signed at \\S+ for sequence (\\d+): it was changed.*",
                "commit $1 tidak lagi memiliki hash checkpoint bertanda tangan untuk urutan $2: commit diubah setelah "
                        + "ditandatangani");
        reason("commit (\\d+) no longer has the hash of the checkpoint signed at \\S+ for sequence (\\d+): the log was rewritten.*",
                "commit $1 tidak lagi memiliki hash checkpoint bertanda tangan untuk urutan $2: log telah ditulis ulang");
    }

    private static void reason(String english, String indonesian) {
        REASONS.put(Pattern.compile(english, Pattern.DOTALL), indonesian);
    }

    /** The verifier's reason in Bahasa Indonesia; a reason this class does not know is summarised. */
    public String reason(String english) {
        if (english == null || english.isBlank()) {
            return "";
        }
        for (Map.Entry<Pattern, String> r : REASONS.entrySet()) {
            Matcher m = r.getKey().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(r.getValue());
            }
        }
        return "rantai hash tidak cocok dengan isi log";
    }
}
