package io.kontor.query.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @ParameterizedTest(name = "[{0}] is written as [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain|plain",
            "with space|with space",
            "a,b|'\"a,b\"'",
            "say \"hi\"|'\"say \"\"hi\"\"\"'",
            "'\"'|'\"\"\"\"'",
            "1250.00|1250.00"})
    void quotesOnlyWhatRfc4180Requires(String value, String expected) {
        assertThat(CsvTable.field(value)).isEqualTo(expected);
    }

    @Test
    void lineBreaksInsideAFieldAreQuotedAndEveryRecordEndsWithCrLf() {
        CsvTable table = CsvTable.of("name", "note").row("Anna", "line one\nline two").row("Bo", null)
                .row("C\rD", "x").build();

        assertThat(table.toCsv()).isEqualTo("name,note\r\nAnna,\"line one\nline two\"\r\nBo,\r\n\"C\rD\",x\r\n");
    }

    @Test
    void aHeaderRowIsWrittenEvenWithoutRows() {
        assertThat(CsvTable.of("a", "b").build().toCsv()).isEqualTo("a,b\r\n");
    }

    @Test
    void aRowOfTheWrongWidthIsAMistakeOfTheReport() {
        assertThatThrownBy(() -> new CsvTable(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
