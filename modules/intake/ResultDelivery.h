#pragma once

#include <core/Result.h>

#include <QJsonObject>
#include <QString>

namespace Tongban::Intake {

/*!
 * How the applicant receives the result (issue 17; 000 第二十三条, 003 第十七条), chosen at
 * intake: at this (the application) window, at the home window, by mail to a checked address,
 * or self-print at a terminal. It travels with the case as `delivery` (docs/platform-api.md
 * §15) and is printed on the receipt.
 */
struct ResultDelivery
{
    enum class Method { ApplicationWindow, HomeWindow, Mail, SelfPrint };
    Method method = Method::ApplicationWindow;
    // The mailing address (Method::Mail only).
    QString recipient;
    QString phone; ///< a mobile number, for the courier
    QString postalCode;
    QString addressLine;

    /// Ok, or why the choice cannot be kept (translated, says what to fill in).
    Core::Status check() const;
    /// The contract's `delivery` object.
    QJsonObject toJson() const;
    static ResultDelivery fromJson(const QJsonObject &json);
    /// As the receipt states it, in Chinese: "邮寄送达（张三，467000 平顶山市…）".
    QString receiptText() const;
    /// The method as the contract names it: application_window, home_window, mail, self_print.
    static QString methodName(Method method);

    enum ErrorCode {
        AddressIncomplete = Core::ErrorRange::Intake + 60,
    };
};

/// The combined case body (§5) with \a choice as its `delivery`.
QJsonObject withResultDelivery(QJsonObject caseBody, const ResultDelivery &choice);

/*!
 * The address of the provincial 好差评 system for one case (004: 通过链接形式统一调用省政务服务
 * 平台“好差评”系统): \a baseUrl (the hall's configuration) with the case number as the query
 * item `caseNumber` (the provisional number until the official one is known). Empty when no
 * address is configured.
 */
QString evaluationUrl(const QString &baseUrl, const QString &caseNumber);

} // namespace Tongban::Intake
