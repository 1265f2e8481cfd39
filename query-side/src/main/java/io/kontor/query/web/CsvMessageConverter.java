package io.kontor.query.web;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes any {@link CsvReport} as {@code text/csv; charset=UTF-8} with its header row; reads nothing. */
public class CsvMessageConverter extends AbstractHttpMessageConverter<CsvReport> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    public CsvMessageConverter() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return CsvReport.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected CsvReport readInternal(Class<? extends CsvReport> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is only written", input);
    }

    @Override
    protected void writeInternal(CsvReport report, HttpOutputMessage output) throws IOException {
        output.getBody().write(report.csv().toCsv().getBytes(StandardCharsets.UTF_8));
    }
}
