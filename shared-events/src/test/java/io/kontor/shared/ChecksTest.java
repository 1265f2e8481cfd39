package io.kontor.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business text: any language, marks and symbols, on several lines; never a control character. */
class ChecksTest {

    @Test
    void textTakesWhatPeopleWrite() {
        String text = "Kære Åse,\n\tmødet er flyttet 😀 \u202eevil ../../etc/passwd\r\n";
        assertThat(Checks.text(text, "text", 200)).isEqualTo(text);
    }

    @Test
    void textRefusesControlCharacters() {
        for (String text : new String[] {"a\u0000b", "bell\u0007", "\u001b[31mred", "del\u007f", "c1\u0085"}) {
            assertThatThrownBy(() -> Checks.text(text, "text", 200))
                    .isInstanceOfSatisfying(KontorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                        assertThat(e.getMessage()).contains("control character");
                    });
        }
    }
}
