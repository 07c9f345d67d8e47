package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.shangliang.commons.events.MalformedEventException;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.YearlyNumbers;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.messaging.in.SessionEvents.OutcomeRecorded;
import org.shangliang.followup.messaging.out.CaseOpened;
import org.shangliang.followup.messaging.out.CaseSigned;
import org.shangliang.followup.rest.CaseViews.CaseView;

/** Cases: opened from outcomes, then handled by their lead unit. Each change and its event commit together. */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    @Inject CaseRepository cases;
    @Inject Outbox outbox;
    @Inject YearlyNumbers numbers;

    /** One case per recommendation of the first version of an outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openFor(OutcomeRecorded outcome) {
        if (outcome.outcomeId() == null || outcome.topicId() == null || outcome.sessionId() == null || outcome.recommendations() == null) {
            throw new MalformedEventException("OutcomeRecorded lacks outcomeId, sessionId, topicId or recommendations");
        }
        if (outcome.version() > 1) {
            // A correction of the record: its cases already exist and are being handled. Carrying
            // corrections into open cases is a later feature; until then the record is only noted.
            LOG.infof("outcome %s version %d is a correction; cases unchanged", outcome.outcomeId(), outcome.version());
            return;
        }
        for (OutcomeRecorded.Recommendation r : outcome.recommendations()) {
            if (r.recommendationId() == null || r.text() == null || r.suggestedUnit() == null) {
                throw new MalformedEventException("a recommendation of outcome " + outcome.outcomeId() + " lacks id, text or suggestedUnit");
            }
            if (cases.existsForRecommendation(r.recommendationId())) continue;
            HandlingCase c = HandlingCase.open(numbers.next("BJ"), r.recommendationId(), outcome.outcomeId(), outcome.sessionId(),
                    outcome.topicId(), outcome.topicNumber(), outcome.topicTitle(), r.text(), r.suggestedUnit(), r.dueDate());
            cases.persist(c);
            outbox.publish(CaseOpened.of(c));
        }
    }

    @Transactional
    public CaseView get(UUID id) {
        return CaseView.of(find(id));
    }

    @Transactional
    public PageView<CaseView> list(UUID topicId, CaseStatus status, String unit, String cursor, int limit) {
        List<HandlingCase> rows = cases.page(topicId, status, unit, Cursor.decode(cursor), limit);
        return PageView.of(rows, limit, CaseView::of, c -> new Cursor(c.createdAt(), c.id()));
    }

    @Transactional
    public CaseView sign(UUID id, String ifMatch) {
        HandlingCase c = find(id);
        Preconditions.requireIfMatch(ifMatch, c.version());
        c.sign();
        outbox.publish(CaseSigned.of(c));
        cases.flush();
        return CaseView.of(c);
    }

    private HandlingCase find(UUID id) {
        return cases.findByIdOptional(id).orElseThrow(() -> ApiException.notFound(
                Text.of("没有编号为 " + id + " 的办理件", "No case with id " + id)));
    }
}
