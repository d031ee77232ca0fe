package org.onemind.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onemind.platform.contract.AgencyTopic.CompletionReviewed;
import org.onemind.platform.contract.AgencyTopic.PledgeTaken;
import org.onemind.platform.contract.AgencyTopic.PledgeWithdrawn;
import org.onemind.platform.contract.ComplianceTopic.Change;
import org.onemind.platform.contract.ComplianceTopic.ComplianceEvaluated;
import org.onemind.platform.contract.ComplianceTopic.Standing;
import org.onemind.platform.contract.PledgeStatus;
import org.onemind.platform.contract.TrainingTopic.CertificationRecorded;
import org.onemind.platform.contract.TrainingTopic.CertificationsRecorded;
import org.onemind.platform.contract.TrainingTopic.RecordedCertification;
import org.onemind.platform.inbox.Received;

/** What each platform event says to webhook subscribers: the message types and their data (documented in OpenAPI). */
@ApplicationScoped
public class WebhookEvents {

    @Inject
    WebhookFanOut fanOut;

    public void pledgeTaken(Received<PledgeTaken> event) {
        PledgeTaken pledge = event.data();
        fanOut.publish(
                WebhookEventType.PLEDGE_TAKEN,
                pledge.agencyId(),
                event.id(),
                event.time(),
                data(
                        "agencyId",
                        pledge.agencyId(),
                        "pledgeId",
                        pledge.pledgeId(),
                        "pledgedOn",
                        pledge.pledgedOn(),
                        "targetCompletionOn",
                        pledge.targetCompletionOn()));
    }

    public void pledgeWithdrawn(Received<PledgeWithdrawn> event) {
        PledgeWithdrawn withdrawn = event.data();
        fanOut.publish(
                WebhookEventType.PLEDGE_WITHDRAWN,
                withdrawn.agencyId(),
                event.id(),
                event.time(),
                data(
                        "agencyId",
                        withdrawn.agencyId(),
                        "pledgeId",
                        withdrawn.pledgeId(),
                        "withdrawnOn",
                        withdrawn.withdrawnOn()));
    }

    public void completionReviewed(Received<CompletionReviewed> event) {
        CompletionReviewed review = event.data();
        if (review.pledgeStatus() == PledgeStatus.COMPLETED) {
            fanOut.publish(
                    WebhookEventType.PLEDGE_COMPLETED,
                    review.agencyId(),
                    event.id(),
                    event.time(),
                    data(
                            "agencyId",
                            review.agencyId(),
                            "completionId",
                            review.completionId(),
                            "verifiedOn",
                            review.reviewedOn()));
        }
    }

    /** One message per practice that changed, and one when the agency became eligible. */
    public void evaluated(Received<ComplianceEvaluated> event, String agencyName) {
        ComplianceEvaluated evaluation = event.data();
        for (Change change : evaluation.changes()) {
            boolean met = change.to() == Standing.MET;
            Map<String, Object> data = data(
                    "agencyId",
                    evaluation.agencyId(),
                    "agencyName",
                    agencyName,
                    "practice",
                    change.practice(),
                    "practiceTitle",
                    change.practice().title(),
                    "evaluatedAt",
                    evaluation.evaluatedAt());
            if (!met) {
                data.put("reason", evaluation.practices().reason(change.practice()));
            }
            fanOut.publish(
                    met ? WebhookEventType.COMPLIANCE_PRACTICE_MET : WebhookEventType.COMPLIANCE_PRACTICE_UNMET,
                    evaluation.agencyId(),
                    event.id() + "/" + change.practice(),
                    event.time(),
                    data);
        }
        if (evaluation.eligibleChanged() && evaluation.eligible()) {
            fanOut.publish(
                    WebhookEventType.COMPLIANCE_ELIGIBLE,
                    evaluation.agencyId(),
                    event.id(),
                    event.time(),
                    data(
                            "agencyId",
                            evaluation.agencyId(),
                            "agencyName",
                            agencyName,
                            "evaluatedAt",
                            evaluation.evaluatedAt()));
        }
    }

    public boolean certificationsWanted() {
        return fanOut.wanted(WebhookEventType.CERTIFICATION_RECORDED);
    }

    public void certificationRecorded(Received<CertificationRecorded> event) {
        CertificationRecorded recorded = event.data();
        certifications(
                event,
                recorded.agencyId(),
                recorded.courseId(),
                recorded.categories(),
                recorded.completedOn(),
                recorded.expiresOn(),
                List.of(new RecordedCertification(recorded.certificationId(), recorded.personnelId())));
    }

    public void certificationsRecorded(Received<CertificationsRecorded> event) {
        CertificationsRecorded recorded = event.data();
        certifications(
                event,
                recorded.agencyId(),
                recorded.courseId(),
                recorded.categories(),
                recorded.completedOn(),
                recorded.expiresOn(),
                recorded.certifications());
    }

    private void certifications(
            Received<?> event,
            java.util.UUID agencyId,
            java.util.UUID courseId,
            List<String> categories,
            java.time.LocalDate completedOn,
            java.time.LocalDate expiresOn,
            List<RecordedCertification> certifications) {
        fanOut.publish(
                WebhookEventType.CERTIFICATION_RECORDED,
                agencyId,
                event.id(),
                event.time(),
                data(
                        "agencyId",
                        agencyId,
                        "courseId",
                        courseId,
                        "categories",
                        categories,
                        "completedOn",
                        completedOn,
                        "expiresOn",
                        expiresOn,
                        "certifications",
                        certifications));
    }

    /** The message's data, in the order given (nulls are kept: the field is documented as nullable). */
    private static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }
}
