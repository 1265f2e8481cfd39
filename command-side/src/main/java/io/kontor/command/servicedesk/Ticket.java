package io.kontor.command.servicedesk;

import io.kontor.events.servicedesk.TicketAssigned;
import io.kontor.events.servicedesk.TicketCommented;
import io.kontor.events.servicedesk.TicketOpened;
import io.kontor.events.servicedesk.TicketReopened;
import io.kontor.events.servicedesk.TicketResolved;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An IT support ticket. Any user opens one; IT support assigns, comments, resolves and reopens it; its reporter may
 * comment on it too. Anyone else is refused here ({@code FORBIDDEN}), from the {@link Actor} each command carries.
 * Events carry their own time (the event clock), from which every view computes service levels.
 */
@Aggregate
public class Ticket {

    private static final String STREAM_PREFIX = "ticket:";

    @AggregateIdentifier
    private String streamId;
    private String ticketId;
    private String reporter;
    private boolean resolved;

    /** Axon rebuilds the ticket from its events, and creates it empty for the create-if-missing handlers. */
    protected Ticket() {
    }

    /** The ticket's stream in the log: prefixed, so a ticket id never collides with another area's ids. */
    public static String streamId(String ticketId) {
        return STREAM_PREFIX + ticketId;
    }

    /** Create-if-missing, so that a taken id is refused by the ticket itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void open(OpenTicket command) {
        if (ticketId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "ticket " + command.ticketId() + " already exists",
                    Map.of("field", "id"));
        }
        apply(new TicketOpened(command.ticketId(), command.actor().user(), command.category(), command.priority(),
                command.title(), command.description(), now()));
    }

    /** Create-if-missing only so that an unknown id is a 404 from here; it creates nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void assign(AssignTicket command) {
        requireSupport(command.ticketId(), command.actor());
        apply(new TicketAssigned(ticketId, command.assignee(), command.actor().user(), now()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void comment(CommentOnTicket command) {
        requireOpened(command.ticketId());
        Actor actor = command.actor();
        if (!actor.support() && !actor.user().equals(reporter)) {
            throw forbidden(actor);
        }
        apply(new TicketCommented(ticketId, command.commentId(), actor.user(), actor.support(), command.text(), now()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void resolve(ResolveTicket command) {
        requireSupport(command.ticketId(), command.actor());
        if (resolved) {
            throw new KontorException(ErrorCode.CONFLICT, "ticket " + ticketId + " is already resolved",
                    Map.of("rule", "ALREADY_RESOLVED"));
        }
        apply(new TicketResolved(ticketId, command.resolution(), command.actor().user(), now()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void reopen(ReopenTicket command) {
        requireSupport(command.ticketId(), command.actor());
        if (!resolved) {
            throw new KontorException(ErrorCode.CONFLICT, "ticket " + ticketId + " is open, not resolved",
                    Map.of("rule", "NOT_RESOLVED"));
        }
        apply(new TicketReopened(ticketId, command.reason(), command.actor().user(), now()));
    }

    private void requireOpened(String requested) {
        if (ticketId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no ticket " + requested, Map.of("field", "id"));
        }
    }

    private void requireSupport(String requested, Actor actor) {
        requireOpened(requested);
        if (!actor.support()) {
            throw forbidden(actor);
        }
    }

    private KontorException forbidden(Actor actor) {
        return new KontorException(ErrorCode.FORBIDDEN, actor.user() + " may not act on ticket " + ticketId
                + ": only IT support and its reporter may comment, only IT support may change it");
    }

    /** The event clock: what stamps the event, and what tests fix. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(TicketOpened event) {
        streamId = streamId(event.ticketId());
        ticketId = event.ticketId();
        reporter = event.reporter();
        resolved = false;
    }

    @EventSourcingHandler
    void on(TicketResolved event) {
        resolved = true;
    }

    @EventSourcingHandler
    void on(TicketReopened event) {
        resolved = false;
    }
}
