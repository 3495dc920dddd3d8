package id.sakip.ledger.shared;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Characters refused in what the ledger stores. Identifiers (fields named {@code id}, {@code …Id},
 * {@code document}, {@code username}) refuse every control character, bidi embedding, override and
 * isolate (U+202A–U+202E, U+2066–U+2069) and zero-width character (U+200B–U+200D, U+2060, U+FEFF):
 * two ids that look the same must be the same id. Free text (names, descriptions, reasons) refuses NUL
 * and other control characters except tab, newline and carriage return, and bidi controls, because they
 * can make an audit row read differently from what is stored; zero-width characters stay allowed there,
 * since joiners are part of correct writing in several scripts and they cannot reorder what is shown.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The first refused character of an identifier, or -1. */
    public static int refusedInIdentifier(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || bidi(c) || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF) {
                return i;
            }
        }
        return -1;
    }

    /** The first refused character of free text, or -1. */
    public static int refusedInText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || bidi(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean bidi(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Whether a field of that name holds an identifier rather than free text. */
    public static boolean isIdentifier(String field) {
        return field.equals("id") || field.endsWith("Id") || field.equals("document") || field.equals("username");
    }

    /** Checks every text field of a message (as JSON) and refuses the first bad one with 422, naming its path. */
    public static void require(JsonNode message) {
        check(message, "", false);
    }

    private static void check(JsonNode node, String path, boolean identifier) {
        if (node.isTextual()) {
            String value = node.textValue();
            int at = identifier ? refusedInIdentifier(value) : refusedInText(value);
            if (at >= 0) {
                throw new InvalidValue("INVALID_CHARACTER", "Field '" + path + "' holds a character that is not "
                        + "allowed (U+" + String.format("%04X", (int) value.charAt(at)) + ")",
                        Map.of("field", path));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                check(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), isIdentifier(e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", identifier);
            }
        }
    }
}
