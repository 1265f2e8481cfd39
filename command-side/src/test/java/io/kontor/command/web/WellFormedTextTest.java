package io.kontor.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text must be valid Unicode: an unpaired surrogate has no UTF-8 form and would be stored as something else. */
class WellFormedTextTest {

    record Request(String name) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JsonConfiguration().wellFormedText());

    @Test
    void unpairedSurrogatesAreRefusedNamingTheField() {
        for (String text : new String[] {"\\ud800", "x\\udfff", "\\udc00\\ud800", "end\\ud83d"}) {
            assertThatThrownBy(() -> json.readValue("{\"name\":\"" + text + "\"}", Request.class))
                    .as(text)
                    .isInstanceOfSatisfying(InvalidFormatException.class,
                            e -> assertThat(e.getPath().get(0).getFieldName()).isEqualTo("name"));
        }
    }

    @Test
    void pairedSurrogatesRtlMarksAndNulAreText() throws Exception {
        for (String text : new String[] {"\\ud83d\\ude00", "\u202eabc", "a\\u0000b", "Ærø"}) {
            assertThat(json.readValue("{\"name\":\"" + text + "\"}", Request.class).name()).as(text).isNotNull();
        }
    }
}
