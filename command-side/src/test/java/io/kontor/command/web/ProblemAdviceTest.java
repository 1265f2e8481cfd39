package io.kontor.command.web;

import io.kontor.command.common.ErrorDetails;
import io.kontor.shared.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mappings the end-to-end tests cannot provoke on demand: storage conflicts and unexpected failures. */
class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aConcurrentChangeIsAConflict() {
        assertProblem(advice.concurrent(new ConcurrencyException("seq 3 taken")), 409, "CONCURRENT_MODIFICATION");
    }

    @Test
    void aConcurrentChangeWrappedByTheBusIsAConflictToo() {
        CommandExecutionException wrapped = new CommandExecutionException("failed",
                new ConcurrencyException("seq 3 taken"));
        assertProblem(advice.refusedAcrossTheBus(wrapped), 409, "CONCURRENT_MODIFICATION");
    }

    @Test
    void aSecondStreamForTheSameAggregateIsADuplicate() {
        assertProblem(advice.duplicate(new AggregateStreamCreationException("exists")), 409, "DUPLICATE");
    }

    @Test
    void aCommandForAnUnknownIdIsNotFound() {
        ProblemDetail problem = assertProblem(advice.unknown(new AggregateNotFoundException("je-1", "not found")),
                404, "NOT_FOUND");

        assertThat(problem.getProperties()).containsEntry("id", "je-1");
    }

    @Test
    void aRefusalKeepsItsCodeAndPropertiesAcrossTheBus() {
        CommandExecutionException wrapped = new CommandExecutionException("entry does not balance", null,
                new ErrorDetails(ErrorCode.BUSINESS_RULE_VIOLATED, Map.of("field", "lines")));

        ProblemDetail problem = assertProblem(advice.refusedAcrossTheBus(wrapped), 422, "BUSINESS_RULE_VIOLATED");

        assertThat(problem.getProperties()).containsEntry("field", "lines");
        assertThat(problem.getDetail()).isEqualTo("entry does not balance");
    }

    @Test
    void anUnexpectedFailureIsA500ThatTellsNothingOfItsInsides() {
        ProblemDetail problem = assertProblem(advice.unexpected(new IllegalStateException("db password is hunter2")),
                500, "INTERNAL_ERROR");

        assertThat(problem.getDetail()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    private static ProblemDetail assertProblem(ResponseEntity<ProblemDetail> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        ProblemDetail problem = answer.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getProperties()).containsEntry("code", code);
        return problem;
    }
}
