package app.rapport.platform.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds malformed UTF-8 (overlong forms, encoded surrogates, stray continuation bytes, truncated
 * sequences) in a JSON body and replaces each bad sequence with the JSON escape of a lone surrogate.
 * The JSON parser alone would decode some of these (an overlong {@code C0 AF} as {@code /}); after the
 * repair, a bad sequence inside a string becomes text that the string reader refuses naming the field,
 * and one anywhere else becomes a syntax error. Well-formed input is returned as it is.
 */
public final class Utf8Repair {

    /** Six ASCII bytes: the escape {@code \udfff}, which no well-formed text contains on its own. */
    private static final byte[] MARK = "\\udfff".getBytes(StandardCharsets.US_ASCII);

    private Utf8Repair() {
    }

    public static byte[] repair(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.max(16, body.length));
        ByteArrayOutputStream repaired = null;
        int copiedUpTo = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                if (repaired == null) {
                    repaired = new ByteArrayOutputStream(body.length + 16);
                }
                int bad = in.position();
                repaired.write(body, copiedUpTo, bad - copiedUpTo);
                repaired.write(MARK, 0, MARK.length);
                in.position(bad + result.length());
                copiedUpTo = in.position();
            } else if (result.isOverflow()) {
                out.clear(); // the decoded text itself is not needed, only where it fails
            } else {
                break;
            }
        }
        if (repaired == null) {
            return body;
        }
        repaired.write(body, copiedUpTo, body.length - copiedUpTo);
        return repaired.toByteArray();
    }
}
