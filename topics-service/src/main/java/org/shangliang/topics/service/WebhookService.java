package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.api.Webhooks.DeliveryView;
import org.shangliang.topics.api.Webhooks.EventTypeView;
import org.shangliang.topics.api.Webhooks.ReplayResult;
import org.shangliang.topics.api.Webhooks.SubscriptionRequest;
import org.shangliang.topics.api.Webhooks.SubscriptionView;
import org.shangliang.topics.api.Webhooks.SubscriptionWithSecret;
import org.shangliang.topics.domain.DeliveryStatus;
import org.shangliang.topics.domain.WebhookCatalog;
import org.shangliang.topics.domain.WebhookDelivery;
import org.shangliang.topics.domain.WebhookDeliveryRepository;
import org.shangliang.topics.domain.WebhookSubscription;
import org.shangliang.topics.domain.WebhookSubscriptionRepository;
import org.shangliang.topics.messaging.out.WebhookDispatcher;
import org.shangliang.topics.messaging.out.WebhookSignature;

/**
 * Webhook subscriptions (事件推送订阅) of integration clients: each sees and changes only its own,
 * within its territory; the delivery log and replays.
 */
@ApplicationScoped
public class WebhookService {

    /** Parked deliveries one replay call queues again at most; call again for more. */
    public static final int MAX_REPLAY = 1000;

    @Inject WebhookSubscriptionRepository subscriptions;
    @Inject WebhookDeliveryRepository deliveries;
    @Inject CallbackUrls urls;
    @Inject DirectoryService directory;
    @Inject WebhookDispatcher dispatcher;
    @Inject Audit audit;

    public List<EventTypeView> eventTypes() {
        List<EventTypeView> types = new ArrayList<>();
        for (WebhookCatalog.Stream s : WebhookCatalog.STREAMS) for (String t : s.types()) types.add(new EventTypeView(t, s.source()));
        return types;
    }

    @Transactional
    public SubscriptionWithSecret create(SubscriptionRequest request, Caller caller) {
        String territory = territory(request, caller);
        String url = urls.check(request.callbackUrl());
        String secret = WebhookSignature.newSecret();
        WebhookSubscription s = new WebhookSubscription(caller.subject(), blankToNull(request.description()), url, secret,
                types(request.eventTypes()), territory, now());
        if (Boolean.FALSE.equals(request.active())) s.change(s.description(), url, s.eventTypes(), territory, false, s.createdAt());
        subscriptions.persist(s);
        subscriptions.flush();
        audit.record(caller, "WEBHOOK_SUBSCRIBED", "WebhookSubscription", s.id(), url + " " + s.eventTypes() + " @" + territory);
        return new SubscriptionWithSecret(view(s), secret);
    }

    public PageView<SubscriptionView> list(String cursor, int limit, Caller caller) {
        List<WebhookSubscription> rows = subscriptions.ownedBy(caller.subject(), Cursor.decode(cursor), limit + 1);
        return PageView.of(rows, limit, this::view, s -> new Cursor(s.createdAt(), s.id()));
    }

    public SubscriptionView get(UUID id, Caller caller) {
        return view(owned(id, caller));
    }

    @Transactional
    public SubscriptionView update(UUID id, SubscriptionRequest request, String ifMatch, Caller caller) {
        WebhookSubscription s = owned(id, caller);
        Preconditions.requireIfMatch(ifMatch, s.version());
        String territory = territory(request, caller);
        String url = urls.check(request.callbackUrl());
        s.change(blankToNull(request.description()), url, types(request.eventTypes()), territory, !Boolean.FALSE.equals(request.active()), now());
        subscriptions.flush();
        audit.record(caller, "WEBHOOK_CHANGED", "WebhookSubscription", s.id(), url + " " + s.eventTypes() + " @" + territory + (s.active() ? "" : " paused"));
        return view(s);
    }

    @Transactional
    public SubscriptionWithSecret rotateSecret(UUID id, String ifMatch, Caller caller) {
        WebhookSubscription s = owned(id, caller);
        Preconditions.requireIfMatch(ifMatch, s.version());
        String secret = WebhookSignature.newSecret();
        s.rotateSecret(secret, now());
        subscriptions.flush();
        audit.record(caller, "WEBHOOK_SECRET_ROTATED", "WebhookSubscription", s.id(), null);
        return new SubscriptionWithSecret(view(s), secret);
    }

    /** Deletes the subscription and its log; nothing more is sent to it. */
    @Transactional
    public void delete(UUID id, Caller caller) {
        WebhookSubscription s = owned(id, caller);
        subscriptions.delete(s);
        audit.record(caller, "WEBHOOK_DELETED", "WebhookSubscription", s.id(), s.callbackUrl());
    }

    public PageView<DeliveryView> log(UUID id, DeliveryStatus status, String cursor, int limit, Caller caller) {
        owned(id, caller);
        List<WebhookDelivery> rows = deliveries.log(id, status, Cursor.decode(cursor), limit + 1);
        return PageView.of(rows, limit, DeliveryView::of, d -> new Cursor(d.createdAt(), d.id()));
    }

    /** The CloudEvent of one delivery, exactly as sent: for a receiver that wants to check what it got. */
    public String body(UUID id, UUID deliveryId, Caller caller) {
        return delivery(id, deliveryId, caller).body();
    }

    @Transactional
    public DeliveryView replay(UUID id, UUID deliveryId, Caller caller) {
        WebhookDelivery d = delivery(id, deliveryId, caller);
        if (!d.status().allowed().contains(DeliveryStatus.Action.REPLAY)) {
            throw ApiException.illegalTransition(Text.of("推送记录", "delivery"), d.status(), DeliveryStatus.Action.REPLAY, d.status().allowed());
        }
        d.replay(now());
        deliveries.flush();
        audit.record(caller, "WEBHOOK_REPLAYED", "WebhookDelivery", d.id(), d.eventType() + " " + d.eventId());
        dispatcher.wake();
        return DeliveryView.of(d);
    }

    /** Queues every parked delivery of the subscription again (after the receiver is mended), up to {@link #MAX_REPLAY}. */
    @Transactional
    public ReplayResult replayParked(UUID id, Caller caller) {
        owned(id, caller);
        List<WebhookDelivery> parked = deliveries.withStatus(id, DeliveryStatus.PARKED, MAX_REPLAY);
        Instant now = now();
        parked.forEach(d -> d.replay(now));
        deliveries.flush();
        audit.record(caller, "WEBHOOK_REPLAYED", "WebhookSubscription", id, parked.size() + " parked");
        dispatcher.wake();
        return new ReplayResult(parked.size());
    }

    private WebhookDelivery delivery(UUID id, UUID deliveryId, Caller caller) {
        owned(id, caller);
        WebhookDelivery d = deliveries.findById(deliveryId);
        if (d == null || !d.subscriptionId().equals(id)) throw ApiException.notFound(Text.of("推送记录", "delivery"));
        return d;
    }

    /** Another client's subscription is as absent as one that never was. */
    private WebhookSubscription owned(UUID id, Caller caller) {
        WebhookSubscription s = subscriptions.findById(id);
        if (s == null || !s.owner().equals(caller.subject())) throw ApiException.notFound(Text.of("订阅", "subscription"));
        return s;
    }

    private String territory(SubscriptionRequest request, Caller caller) {
        String territory = request.territory() == null ? caller.territory() : request.territory();
        if (territory == null) {
            throw ApiException.unprocessable("territory", Text.of("请指定区域", "Name the territory whose events to receive"));
        }
        directory.knownTerritory("territory", territory);
        if (!caller.covers(territory)) {
            throw Access.forbidden(Text.of("只能订阅本区域及下级区域的事件", "A subscription may only cover the caller's own territory and what is below it"));
        }
        return territory;
    }

    private static List<String> types(List<String> requested) {
        List<String> unknown = requested.stream().filter(t -> !WebhookCatalog.offers(t)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.unprocessable("eventTypes", Text.of("不可订阅的事件类型：" + String.join("、", unknown),
                    "Event types that cannot be subscribed to: " + String.join(", ", unknown) + " (GET /api/v1/webhooks/event-types lists them)"));
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    private SubscriptionView view(WebhookSubscription s) {
        return SubscriptionView.of(s, deliveries.counts(s.id()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
