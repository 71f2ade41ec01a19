namespace ReleaseWatch.Scenarios;

/// <summary>
/// Failures Salesforce orgs really log, grouped by how they show up around a release: chronic ones every org
/// carries (timeouts, lock contention, integrations sending bad data), ones a broken release introduces,
/// ones a deployment causes for a minute (classes recompiling, cold caches), and one-off strays.
/// </summary>
internal static class ErrorCatalog
{
    public static IReadOnlyList<ErrorFingerprint> Chronic { get; } =
    [
        new("System.CalloutException", "Read timed out", "ErpSyncQueueable.execute", 88),
        new("System.CalloutException", "Exceeded maximum time allotted for callout (120000 ms)", "TaxServiceCallout.calculate", 41),
        new("System.DmlException", "Update failed. First exception on row {row} with id {id:001}; first error: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record: []", "AccountTriggerHandler.afterUpdate", 132, "AccountTrigger"),
        new("System.QueryException", "List has no rows for assignment to SObject", "CaseAssignmentService.assign", 57, "CaseTrigger"),
        new("System.LimitException", "Apex CPU time limit exceeded", "OpportunityTriggerHandler.beforeUpdate", 210, "OpportunityTrigger"),
        new("System.DmlException", "Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Email]: [Email]", "LeadIntakeRestResource.doPost", 64),
        new(null, "An error occurred with your \"Case_Escalation\" flow. Error element Update_Owner (FlowRecordUpdate). INSUFFICIENT_ACCESS_OR_READONLY, insufficient access rights on object id: {id:500}", "Case_Escalation.Update_Owner", 0),
        new("System.DmlException", "Upsert failed. First exception on row {row}; first error: DUPLICATES_DETECTED, Use one of these records?: []", "ContactService.upsertContacts", 97),
        new("System.JSONException", "Unexpected character ('<' (code 60)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at input location [1,2]", "PaymentGatewayClient.parseResponse", 153),
        new("System.AuraHandledException", "Script-thrown exception", "QuoteController.saveQuote", 38),
    ];

    public static IReadOnlyList<ErrorFingerprint> Introduced { get; } =
    [
        new("System.NullPointerException", "Attempt to de-reference a null object", "QuoteLineService.recalculate", 112, "QuoteLineTrigger"),
        new("System.LimitException", "Too many SOQL queries: 101", "OpportunityRollupService.rollup", 76, "OpportunityTrigger"),
        new("System.SObjectException", "SObject row was retrieved via SOQL without querying the requested field: Opportunity.Discount__c", "OpportunityDiscountService.applyDiscount", 45, "OpportunityTrigger"),
        new("System.TypeException", "Invalid conversion from runtime type String to Decimal", "PricingEngine.price", 219),
        new("System.ListException", "List index out of bounds: 0", "TerritoryAssignmentService.assign", 63, "AccountTrigger"),
        new("System.DmlException", "Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Region must be set for EMEA accounts: [Region__c]", "AccountService.createFromLead", 141),
        new("System.QueryException", "Non-selective query against large object type (more than 200000 rows). Consider an indexed filter or contact salesforce.com about custom indexing.", "CaseTriggerHandler.beforeInsert", 29, "CaseTrigger"),
        new("System.StringException", "Invalid id: {n}", "InvoiceService.linkToOrder", 88),
        new("System.MathException", "Divide by 0", "CommissionCalculator.calculate", 54),
        new("System.FinalException", "Record is read-only", "ContractTriggerHandler.afterInsert", 71, "ContractTrigger"),
    ];

    public static IReadOnlyList<ErrorFingerprint> Warmup { get; } =
    [
        new("System.UnexpectedException", "Dependent class is invalid and needs recompilation: Class OpportunityTriggerHandler : Method does not exist or incorrect signature", "OpportunityTriggerHandler.beforeUpdate", 12, "OpportunityTrigger"),
        new("System.LimitException", "Apex CPU time limit exceeded", "PricingEngine.loadRules", 33),
        new("cache.Org.OrgCacheException", "Failed Cache.Org.get() for key PricebookEntries: partition local.Pricing not found", "PricebookCache.entries", 21),
    ];

    public static IReadOnlyList<ErrorFingerprint> Strays { get; } =
    [
        new("System.DmlException", "Update failed. First exception on row 0 with id {id:006}; first error: STRING_TOO_LONG, Description: data value too large (max length=255): [Description]", "OpportunityService.updateNotes", 66),
        new("System.CalloutException", "Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = https://api.partner-portal.example/v2/orders", "PartnerOrderClient.send", 27),
        new("System.EmailException", "SendEmail failed. First exception on row 0; first error: INVALID_EMAIL_ADDRESS, Email address is invalid: null: [toAddresses, null]", "CaseNotificationService.notifyContact", 84),
        new("System.QueryException", "unexpected token: 'AND'", "GlobalSearchController.search", 49),
        new("System.DmlException", "Delete failed. First exception on row 0 with id {id:003}; first error: ENTITY_IS_DELETED, entity is deleted: []", "ContactMergeService.cleanup", 102),
        new("System.SecurityException", "Insufficient permissions: secure query included inaccessible field", "ReportExportController.export", 58),
        new(null, "An error occurred with your \"Lead_Nurture\" flow. Error element Send_Welcome (ActionCall). The email template is not available.", "Lead_Nurture.Send_Welcome", 0),
    ];
}
