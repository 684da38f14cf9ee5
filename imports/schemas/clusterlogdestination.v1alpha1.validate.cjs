// Generated file, do not edit: the ajv validator of clusterlogdestination.v1alpha1.json (ajv standalone code), written
// with the JSON schemas of this directory by the generator validators.ts names.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"type":"object","required":["spec"],"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"type":"object","oneOf":[{"properties":{"loki":{},"type":{"enum":["Loki"]}},"required":["loki","type"]},{"properties":{"elasticsearch":{},"type":{"enum":["Elasticsearch"]}},"required":["elasticsearch","type"]},{"properties":{"logstash":{},"type":{"enum":["Logstash"]}},"required":["type","logstash"]},{"properties":{"vector":{},"type":{"enum":["Vector"]}},"required":["type","vector"]},{"properties":{"kafka":{},"type":{"enum":["Kafka"]}},"required":["type","kafka"]},{"properties":{"splunk":{},"type":{"enum":["Splunk"]}},"required":["type","splunk"]},{"properties":{"socket":{},"type":{"enum":["Socket"]}},"required":["type","socket"]}],"properties":{"type":{"type":"string","enum":["Loki","Elasticsearch","Logstash","Vector","Kafka","Splunk","Socket"]},"loki":{"type":"object","required":["endpoint"],"properties":{"auth":{"type":"object","properties":{"password":{"type":"string","format":"password"},"strategy":{"type":"string","enum":["Basic","Bearer"],"default":"Basic"},"token":{"type":"string"},"user":{"type":"string"}},"oneOf":[{"properties":{"strategy":{"enum":["Basic"]}},"allOf":[{"not":{"anyOf":[{"required":["token"]}]}},{"required":["user","password"]}]},{"properties":{"strategy":{"enum":["Bearer"]}},"allOf":[{"not":{"anyOf":[{"required":["user"]},{"required":["password"]}]}},{"required":["token"]}]}],"additionalProperties":false},"tenantID":{"type":"string"},"endpoint":{"type":"string"},"tls":{"type":"object","properties":{"secretRef":{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false},"caFile":{"type":"string"},"clientCrt":{"type":"object","required":["crtFile","keyFile"],"properties":{"crtFile":{"type":"string"},"keyFile":{"type":"string","format":"password"},"keyPass":{"type":"string","format":"string"}},"additionalProperties":false},"verifyHostname":{"type":"boolean","default":true},"verifyCertificate":{"type":"boolean","default":true}},"additionalProperties":false}},"additionalProperties":false},"elasticsearch":{"type":"object","required":["endpoint"],"properties":{"auth":{"type":"object","properties":{"strategy":{"enum":["Basic","AWS"],"type":"string","default":"Basic"},"password":{"type":"string","format":"password"},"awsAccessKey":{"type":"string"},"awsSecretKey":{"type":"string"},"awsAssumeRole":{"type":"string"},"user":{"type":"string"},"awsRegion":{"type":"string"}},"oneOf":[{"properties":{"strategy":{"enum":["Basic"]}},"allOf":[{"not":{"anyOf":[{"required":["awsAccessKey"]},{"required":["awsSecretKey"]},{"required":["awsAssumeRole"]},{"required":["awsRegion"]}]}},{"required":["user","password"]}]},{"properties":{"strategy":{"enum":["AWS"]}},"allOf":[{"not":{"anyOf":[{"required":["user"]},{"required":["password"]}]}},{"required":["awsAccessKey","awsSecretKey"]}]}],"additionalProperties":false},"index":{"type":"string"},"pipeline":{"type":"string"},"endpoint":{"type":"string"},"dataStreamEnabled":{"type":"boolean","default":false},"docType":{"type":"string"},"tls":{"type":"object","properties":{"secretRef":{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false},"caFile":{"type":"string"},"clientCrt":{"type":"object","required":["crtFile","keyFile"],"properties":{"crtFile":{"type":"string"},"keyFile":{"type":"string","format":"password"},"keyPass":{"type":"string","format":"string"}},"additionalProperties":false},"verifyHostname":{"type":"boolean","default":true},"verifyCertificate":{"type":"boolean","default":true}},"additionalProperties":false}},"additionalProperties":false},"logstash":{"type":"object","required":["endpoint"],"properties":{"endpoint":{"type":"string"},"tls":{"type":"object","properties":{"secretRef":{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false},"caFile":{"type":"string"},"clientCrt":{"type":"object","required":["crtFile","keyFile"],"properties":{"crtFile":{"type":"string"},"keyFile":{"type":"string","format":"password"},"keyPass":{"type":"string","format":"string"}},"additionalProperties":false},"verifyHostname":{"type":"boolean","default":true},"verifyCertificate":{"type":"boolean","default":true}},"additionalProperties":false}},"additionalProperties":false},"kafka":{"type":"object","required":["topic","bootstrapServers"],"properties":{"topic":{"type":"string"},"bootstrapServers":{"type":"array","default":[],"items":{"type":"string","pattern":"^(.+)\\:\\d{1,5}$"}},"encoding":{"type":"object","properties":{"codec":{"type":"string","enum":["JSON","CEF"],"default":"JSON"},"cef":{"type":"object","properties":{"deviceVendor":{"type":"string","minLength":1,"default":"Deckhouse"},"deviceProduct":{"type":"string","minLength":1,"default":"log-shipper-agent"},"deviceVersion":{"type":"string","minLength":1,"default":"1"}},"additionalProperties":false}},"oneOf":[{"properties":{"codec":{"enum":["JSON"]}},"allOf":[{"not":{"required":["cef"]}}]},{"properties":{"codec":{"enum":["CEF"]}}}],"additionalProperties":false},"keyField":{"type":"string"},"sasl":{"type":"object","required":["mechanism","username","password"],"properties":{"mechanism":{"type":"string","enum":["PLAIN","SCRAM-SHA-256","SCRAM-SHA-512"]},"username":{"type":"string"},"password":{"type":"string"}},"additionalProperties":false},"tls":{"type":"object","properties":{"secretRef":{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false},"caFile":{"type":"string"},"clientCrt":{"type":"object","required":["crtFile","keyFile"],"properties":{"crtFile":{"type":"string"},"keyFile":{"type":"string","format":"password"},"keyPass":{"type":"string","format":"string"}},"additionalProperties":false},"verifyHostname":{"type":"boolean","default":true},"verifyCertificate":{"type":"boolean","default":true}},"additionalProperties":false}},"additionalProperties":false},"splunk":{"type":"object","required":["token","endpoint"],"properties":{"endpoint":{"type":"string"},"token":{"type":"string"},"index":{"type":"string"},"tls":{"type":"object","properties":{"secretRef":{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false},"caFile":{"type":"string"},"clientCrt":{"type":"object","required":["crtFile","keyFile"],"properties":{"crtFile":{"type":"string"},"keyFile":{"type":"string","format":"password"},"keyPass":{"type":"string","format":"string"}},"additionalProperties":false},"verifyHostname":{"type":"boolean","default":true},"verifyCertificate":{"type":"boolean","default":true}},"additionalProperties":false}},"additionalProperties":false},"socket":{"type":"object","required":["address","mode"],"properties":{"address":{"type":"string","pattern":"^.*:[1-9][0-9]+$"},"encoding":{"type":"object","properties":{"codec":{"type":"string","enum":["Text","JSON","Syslog","CEF","GELF"],"default":"JSON"},"cef":{"type":"object","properties":{"deviceVendor":{"type":"string","minLength":1,"default":"Deckhouse"},"deviceProduct":{"type":"string","minLength":1,"default":"log-shipper-agent"},"deviceVersion":{"type":"string","minLength":1,"default":"1"}},"additionalProperties":false}},"oneOf":[{"properties":{"codec":{"enum":["Text","JSON","Syslog","GELF"]}},"allOf":[{"not":{"required":["cef"]}}]},{"properties":{"codec":{"enum":["CEF"]}}}],"additionalProperties":false},"mode":{"type":"string","enum":["TCP","UDP"]},"tcp":{"type":"object","properties":{"tls":{"type":"object","properties":{"secretRef":{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false},"caFile":{"type":"string"},"clientCrt":{"type":"object","required":["crtFile","keyFile"],"properties":{"crtFile":{"type":"string"},"keyFile":{"type":"string","format":"password"},"keyPass":{"type":"string","format":"string"}},"additionalProperties":false}},"additionalProperties":false},"verifyHostname":{"type":"boolean","default":true},"verifyCertificate":{"type":"boolean","default":true}},"additionalProperties":false}},"additionalProperties":false},"vector":{"type":"object","required":["endpoint"],"properties":{"endpoint":{"type":"string","pattern":"^(.+):([0-9]{1,5})$"},"tls":{"type":"object","properties":{"secretRef":{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false},"caFile":{"type":"string"},"clientCrt":{"type":"object","required":["crtFile","keyFile"],"properties":{"crtFile":{"type":"string"},"keyFile":{"type":"string","format":"password"},"keyPass":{"type":"string","format":"string"}},"additionalProperties":false},"verifyHostname":{"type":"boolean","default":true},"verifyCertificate":{"type":"boolean","default":true}},"additionalProperties":false}},"additionalProperties":false},"rateLimit":{"type":"object","required":["linesPerMinute"],"properties":{"linesPerMinute":{"type":"number"},"keyField":{"type":"string"},"excludes":{"type":"array","items":{"type":"object","required":["field","operator"],"properties":{"field":{"type":"string"},"operator":{"type":"string","enum":["In","NotIn","Regex","NotRegex","Exists","DoesNotExist"]},"values":{"type":"array","items":{"anyOf":[{"type":"integer"},{"type":"string"}]}}},"oneOf":[{"properties":{"operator":{"enum":["Exists","DoesNotExist"]},"values":{"maxItems":0}}},{"properties":{"operator":{"enum":["Regex","NotRegex","In","NotIn"]},"values":{"minItems":1}}}],"additionalProperties":false}}},"additionalProperties":false},"extraLabels":{"type":"object","additionalProperties":{"type":"string","anyOf":[{"pattern":"^[a-zA-Z0-9_\\-]+$"},{"pattern":"^\\{\\{\\ [a-zA-Z0-9\\\\\\-][a-zA-Z0-9\\[\\]_\\\\\\-\\.]+\\ \\}\\}$"}]}},"transformations":{"type":"array","items":{"type":"object","oneOf":[{"properties":{"replaceKeys":{},"action":{"enum":["ReplaceKeys"]}},"required":["replaceKeys","action"]},{"properties":{"parseMessage":{},"action":{"enum":["ParseMessage"]}},"required":["parseMessage","action"]},{"properties":{"dropLabels":{},"action":{"enum":["DropLabels"]}},"required":["dropLabels","action"]},{"properties":{"addLabels":{},"action":{"enum":["AddLabels"]}},"required":["addLabels","action"]},{"properties":{"replaceValue":{},"action":{"enum":["ReplaceValue"]}},"required":["replaceValue","action"]}],"properties":{"action":{"type":"string","enum":["ReplaceKeys","ParseMessage","DropLabels","AddLabels","ReplaceValue"]},"replaceKeys":{"type":"object","required":["labels","source"],"properties":{"source":{"type":"string","pattern":"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"},"target":{"type":"string","default":""},"labels":{"type":"array","items":{"type":"string","pattern":"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"}}},"additionalProperties":false},"parseMessage":{"type":"object","required":["sourceFormat"],"oneOf":[{"properties":{"string":{},"sourceFormat":{"enum":["String"]}},"required":["string","sourceFormat"]},{"properties":{"json":{},"sourceFormat":{"enum":["JSON"]}},"required":["sourceFormat"]},{"properties":{"sourceFormat":{"enum":["Klog"]}},"required":["sourceFormat"]},{"properties":{"sourceFormat":{"enum":["SysLog"]}},"required":["sourceFormat"]},{"properties":{"sourceFormat":{"enum":["CLF"]}},"required":["sourceFormat"]},{"properties":{"sourceFormat":{"enum":["Logfmt"]}},"required":["sourceFormat"]}],"properties":{"sourceFormat":{"type":"string","enum":["String","JSON","Klog","SysLog","CLF","Logfmt"]},"targetLabel":{"type":"string","default":".message","pattern":"^(\\.|\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+)$"},"string":{"type":"object","oneOf":[{"required":["targetField"]},{"required":["regex","setLabels"]}],"properties":{"targetField":{"type":"string","pattern":"^[a-zA-Z0-9_\\\\\\.\\-]+$"},"regex":{"type":"string","pattern":"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"},"setLabels":{"type":"object","additionalProperties":{"type":"string"}}},"additionalProperties":false},"json":{"type":"object","properties":{"depth":{"type":"integer","minimum":1,"maximum":128}},"additionalProperties":false}},"additionalProperties":false},"dropLabels":{"type":"object","required":["labels"],"properties":{"labels":{"type":"array","items":{"type":"string","pattern":"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"}},"keepChildKeys":{"type":"array","items":{"type":"string","pattern":"^[a-zA-Z0-9_.\\-/]+$"}}},"additionalProperties":false},"addLabels":{"type":"object","required":["setLabels"],"properties":{"when":{"type":"array","items":{"type":"string","pattern":"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"}},"setLabels":{"type":"object","propertyNames":{"pattern":"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"},"additionalProperties":{"type":"string"}}},"additionalProperties":false},"replaceValue":{"type":"object","required":["source","target","labels"],"properties":{"source":{"type":"string","pattern":"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"},"target":{"type":"string"},"labels":{"type":"array","items":{"type":"string","pattern":"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"}}},"additionalProperties":false}},"additionalProperties":false}},"buffer":{"type":"object","oneOf":[{"properties":{"disk":{},"type":{"enum":["Disk"]}},"required":["disk","type","whenFull"],"not":{"required":["memory"]}},{"properties":{"memory":{},"type":{"enum":["Memory"]}},"required":["memory","type","whenFull"],"not":{"required":["disk"]}}],"required":["type"],"properties":{"type":{"type":"string","enum":["Disk","Memory"]},"disk":{"type":"object","properties":{"maxSize":{"anyOf":[{"type":"integer"},{"type":"string"}],"pattern":"^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"}},"additionalProperties":false},"memory":{"type":"object","properties":{"maxEvents":{"type":"number"}},"additionalProperties":false},"whenFull":{"type":"string","enum":["DropNewest","Block"],"default":"Block"}},"additionalProperties":false}},"additionalProperties":false}},"additionalProperties":false};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^(.+)\\:\\d{1,5}$", "");
const pattern1 = new RegExp("^.*:[1-9][0-9]+$", "");
const pattern2 = new RegExp("^(.+):([0-9]{1,5})$", "");
const pattern3 = new RegExp("^[a-zA-Z0-9_\\-]+$", "");
const pattern4 = new RegExp("^\\{\\{\\ [a-zA-Z0-9\\\\\\-][a-zA-Z0-9\\[\\]_\\\\\\-\\.]+\\ \\}\\}$", "");
const pattern5 = new RegExp("^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$", "");
const pattern6 = new RegExp("^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$", "");
const pattern7 = new RegExp("^(\\.|\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+)$", "");
const pattern8 = new RegExp("^[a-zA-Z0-9_\\\\\\.\\-]+$", "");
const pattern11 = new RegExp("^[a-zA-Z0-9_.\\-/]+$", "");
const pattern16 = new RegExp("^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$", "");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.spec === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiVersion.type,parentSchema:schema11.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.kind.type,parentSchema:schema11.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err4 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.type,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.spec !== undefined){
let data3 = data.spec;
const _errs10 = errors;
let valid1 = false;
let passing0 = null;
const _errs11 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.loki === undefined){
const err5 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/0/required",keyword:"required",params:{missingProperty: "loki"},message:"must have required property '"+"loki"+"'",schema:schema11.properties.spec.oneOf[0].required,parentSchema:schema11.properties.spec.oneOf[0],data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data3.type === undefined){
const err6 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/0/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.oneOf[0].required,parentSchema:schema11.properties.spec.oneOf[0],data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3.type !== undefined){
let data4 = data3.type;
if(!(data4 === "Loki")){
const err7 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/0/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[0].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[0].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[0].properties.type,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
var _valid0 = _errs11 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs13 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.elasticsearch === undefined){
const err8 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/1/required",keyword:"required",params:{missingProperty: "elasticsearch"},message:"must have required property '"+"elasticsearch"+"'",schema:schema11.properties.spec.oneOf[1].required,parentSchema:schema11.properties.spec.oneOf[1],data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.type === undefined){
const err9 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.oneOf[1].required,parentSchema:schema11.properties.spec.oneOf[1],data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.type !== undefined){
let data5 = data3.type;
if(!(data5 === "Elasticsearch")){
const err10 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/1/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[1].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[1].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[1].properties.type,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
var _valid0 = _errs13 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
const _errs15 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.type === undefined){
const err11 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/2/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.oneOf[2].required,parentSchema:schema11.properties.spec.oneOf[2],data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.logstash === undefined){
const err12 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/2/required",keyword:"required",params:{missingProperty: "logstash"},message:"must have required property '"+"logstash"+"'",schema:schema11.properties.spec.oneOf[2].required,parentSchema:schema11.properties.spec.oneOf[2],data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data3.type !== undefined){
let data6 = data3.type;
if(!(data6 === "Logstash")){
const err13 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/2/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[2].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[2].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[2].properties.type,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid1 = true;
passing0 = 2;
}
const _errs17 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.type === undefined){
const err14 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/3/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.oneOf[3].required,parentSchema:schema11.properties.spec.oneOf[3],data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data3.vector === undefined){
const err15 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/3/required",keyword:"required",params:{missingProperty: "vector"},message:"must have required property '"+"vector"+"'",schema:schema11.properties.spec.oneOf[3].required,parentSchema:schema11.properties.spec.oneOf[3],data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data3.type !== undefined){
let data7 = data3.type;
if(!(data7 === "Vector")){
const err16 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/3/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[3].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[3].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[3].properties.type,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
var _valid0 = _errs17 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid1 = true;
passing0 = 3;
}
const _errs19 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.type === undefined){
const err17 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/4/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.oneOf[4].required,parentSchema:schema11.properties.spec.oneOf[4],data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data3.kafka === undefined){
const err18 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/4/required",keyword:"required",params:{missingProperty: "kafka"},message:"must have required property '"+"kafka"+"'",schema:schema11.properties.spec.oneOf[4].required,parentSchema:schema11.properties.spec.oneOf[4],data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data3.type !== undefined){
let data8 = data3.type;
if(!(data8 === "Kafka")){
const err19 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/4/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[4].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[4].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[4].properties.type,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
var _valid0 = _errs19 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid1 = true;
passing0 = 4;
}
const _errs21 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.type === undefined){
const err20 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/5/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.oneOf[5].required,parentSchema:schema11.properties.spec.oneOf[5],data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data3.splunk === undefined){
const err21 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/5/required",keyword:"required",params:{missingProperty: "splunk"},message:"must have required property '"+"splunk"+"'",schema:schema11.properties.spec.oneOf[5].required,parentSchema:schema11.properties.spec.oneOf[5],data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data3.type !== undefined){
let data9 = data3.type;
if(!(data9 === "Splunk")){
const err22 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/5/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[5].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[5].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[5].properties.type,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
var _valid0 = _errs21 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid1 = true;
passing0 = 5;
}
const _errs23 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.type === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/6/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.oneOf[6].required,parentSchema:schema11.properties.spec.oneOf[6],data:data3};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data3.socket === undefined){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/6/required",keyword:"required",params:{missingProperty: "socket"},message:"must have required property '"+"socket"+"'",schema:schema11.properties.spec.oneOf[6].required,parentSchema:schema11.properties.spec.oneOf[6],data:data3};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data3.type !== undefined){
let data10 = data3.type;
if(!(data10 === "Socket")){
const err25 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/6/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[6].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[6].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[6].properties.type,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
var _valid0 = _errs23 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 6];
}
else {
if(_valid0){
valid1 = true;
passing0 = 6;
}
}
}
}
}
}
}
if(!valid1){
const err26 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.oneOf,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
if(!(func2.call(schema11.properties.spec.properties, key1))){
const err27 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data3.type !== undefined){
let data11 = data3.type;
if(typeof data11 !== "string"){
const err28 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.type.type,parentSchema:schema11.properties.spec.properties.type,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(!(((((((data11 === "Loki") || (data11 === "Elasticsearch")) || (data11 === "Logstash")) || (data11 === "Vector")) || (data11 === "Kafka")) || (data11 === "Splunk")) || (data11 === "Socket"))){
const err29 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.type.enum,parentSchema:schema11.properties.spec.properties.type,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data3.loki !== undefined){
let data12 = data3.loki;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.endpoint === undefined){
const err30 = {instancePath:instancePath+"/spec/loki",schemaPath:"#/properties/spec/properties/loki/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema11.properties.spec.properties.loki.required,parentSchema:schema11.properties.spec.properties.loki,data:data12};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key2 in data12){
if(!((((key2 === "auth") || (key2 === "tenantID")) || (key2 === "endpoint")) || (key2 === "tls"))){
const err31 = {instancePath:instancePath+"/spec/loki",schemaPath:"#/properties/spec/properties/loki/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.loki,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data12.auth !== undefined){
let data13 = data12.auth;
const _errs33 = errors;
let valid11 = false;
let passing1 = null;
const _errs34 = errors;
const _errs36 = errors;
const _errs37 = errors;
const _errs38 = errors;
let valid14 = false;
const _errs39 = errors;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing0;
if((data13.token === undefined) && (missing0 = "token")){
const err32 = {};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
var _valid2 = _errs39 === errors;
valid14 = valid14 || _valid2;
if(!valid14){
const err33 = {};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
else {
errors = _errs38;
if(vErrors !== null){
if(_errs38){
vErrors.length = _errs38;
}
else {
vErrors = null;
}
}
}
var valid13 = _errs37 === errors;
if(valid13){
const err34 = {instancePath:instancePath+"/spec/loki/auth",schemaPath:"#/properties/spec/properties/loki/properties/auth/oneOf/0/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.loki.properties.auth.oneOf[0].allOf[0].not,parentSchema:schema11.properties.spec.properties.loki.properties.auth.oneOf[0].allOf[0],data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
else {
errors = _errs36;
if(vErrors !== null){
if(_errs36){
vErrors.length = _errs36;
}
else {
vErrors = null;
}
}
}
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.user === undefined){
const err35 = {instancePath:instancePath+"/spec/loki/auth",schemaPath:"#/properties/spec/properties/loki/properties/auth/oneOf/0/allOf/1/required",keyword:"required",params:{missingProperty: "user"},message:"must have required property '"+"user"+"'",schema:schema11.properties.spec.properties.loki.properties.auth.oneOf[0].allOf[1].required,parentSchema:schema11.properties.spec.properties.loki.properties.auth.oneOf[0].allOf[1],data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data13.password === undefined){
const err36 = {instancePath:instancePath+"/spec/loki/auth",schemaPath:"#/properties/spec/properties/loki/properties/auth/oneOf/0/allOf/1/required",keyword:"required",params:{missingProperty: "password"},message:"must have required property '"+"password"+"'",schema:schema11.properties.spec.properties.loki.properties.auth.oneOf[0].allOf[1].required,parentSchema:schema11.properties.spec.properties.loki.properties.auth.oneOf[0].allOf[1],data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.strategy !== undefined){
let data14 = data13.strategy;
if(!(data14 === "Basic")){
const err37 = {instancePath:instancePath+"/spec/loki/auth/strategy",schemaPath:"#/properties/spec/properties/loki/properties/auth/oneOf/0/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.loki.properties.auth.oneOf[0].properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.loki.properties.auth.oneOf[0].properties.strategy.enum,parentSchema:schema11.properties.spec.properties.loki.properties.auth.oneOf[0].properties.strategy,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
var _valid1 = _errs34 === errors;
if(_valid1){
valid11 = true;
passing1 = 0;
}
const _errs42 = errors;
const _errs44 = errors;
const _errs45 = errors;
const _errs46 = errors;
let valid18 = false;
const _errs47 = errors;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing1;
if((data13.user === undefined) && (missing1 = "user")){
const err38 = {};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
var _valid3 = _errs47 === errors;
valid18 = valid18 || _valid3;
if(!valid18){
const _errs48 = errors;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing2;
if((data13.password === undefined) && (missing2 = "password")){
const err39 = {};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
var _valid3 = _errs48 === errors;
valid18 = valid18 || _valid3;
}
if(!valid18){
const err40 = {};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs46;
if(vErrors !== null){
if(_errs46){
vErrors.length = _errs46;
}
else {
vErrors = null;
}
}
}
var valid17 = _errs45 === errors;
if(valid17){
const err41 = {instancePath:instancePath+"/spec/loki/auth",schemaPath:"#/properties/spec/properties/loki/properties/auth/oneOf/1/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.loki.properties.auth.oneOf[1].allOf[0].not,parentSchema:schema11.properties.spec.properties.loki.properties.auth.oneOf[1].allOf[0],data:data13};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
else {
errors = _errs44;
if(vErrors !== null){
if(_errs44){
vErrors.length = _errs44;
}
else {
vErrors = null;
}
}
}
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.token === undefined){
const err42 = {instancePath:instancePath+"/spec/loki/auth",schemaPath:"#/properties/spec/properties/loki/properties/auth/oneOf/1/allOf/1/required",keyword:"required",params:{missingProperty: "token"},message:"must have required property '"+"token"+"'",schema:schema11.properties.spec.properties.loki.properties.auth.oneOf[1].allOf[1].required,parentSchema:schema11.properties.spec.properties.loki.properties.auth.oneOf[1].allOf[1],data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.strategy !== undefined){
let data15 = data13.strategy;
if(!(data15 === "Bearer")){
const err43 = {instancePath:instancePath+"/spec/loki/auth/strategy",schemaPath:"#/properties/spec/properties/loki/properties/auth/oneOf/1/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.loki.properties.auth.oneOf[1].properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.loki.properties.auth.oneOf[1].properties.strategy.enum,parentSchema:schema11.properties.spec.properties.loki.properties.auth.oneOf[1].properties.strategy,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
var _valid1 = _errs42 === errors;
if(_valid1 && valid11){
valid11 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid11 = true;
passing1 = 1;
}
}
if(!valid11){
const err44 = {instancePath:instancePath+"/spec/loki/auth",schemaPath:"#/properties/spec/properties/loki/properties/auth/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.loki.properties.auth.oneOf,parentSchema:schema11.properties.spec.properties.loki.properties.auth,data:data13};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
errors = _errs33;
if(vErrors !== null){
if(_errs33){
vErrors.length = _errs33;
}
else {
vErrors = null;
}
}
}
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
for(const key3 in data13){
if(!((((key3 === "password") || (key3 === "strategy")) || (key3 === "token")) || (key3 === "user"))){
const err45 = {instancePath:instancePath+"/spec/loki/auth",schemaPath:"#/properties/spec/properties/loki/properties/auth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.loki.properties.auth,data:data13};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data13.password !== undefined){
let data16 = data13.password;
if(!(typeof data16 === "string")){
const err46 = {instancePath:instancePath+"/spec/loki/auth/password",schemaPath:"#/properties/spec/properties/loki/properties/auth/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.auth.properties.password.type,parentSchema:schema11.properties.spec.properties.loki.properties.auth.properties.password,data:data16};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data13.strategy !== undefined){
let data17 = data13.strategy;
if(typeof data17 !== "string"){
const err47 = {instancePath:instancePath+"/spec/loki/auth/strategy",schemaPath:"#/properties/spec/properties/loki/properties/auth/properties/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.auth.properties.strategy.type,parentSchema:schema11.properties.spec.properties.loki.properties.auth.properties.strategy,data:data17};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(!((data17 === "Basic") || (data17 === "Bearer"))){
const err48 = {instancePath:instancePath+"/spec/loki/auth/strategy",schemaPath:"#/properties/spec/properties/loki/properties/auth/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.loki.properties.auth.properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.loki.properties.auth.properties.strategy.enum,parentSchema:schema11.properties.spec.properties.loki.properties.auth.properties.strategy,data:data17};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data13.token !== undefined){
let data18 = data13.token;
if(typeof data18 !== "string"){
const err49 = {instancePath:instancePath+"/spec/loki/auth/token",schemaPath:"#/properties/spec/properties/loki/properties/auth/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.auth.properties.token.type,parentSchema:schema11.properties.spec.properties.loki.properties.auth.properties.token,data:data18};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data13.user !== undefined){
let data19 = data13.user;
if(typeof data19 !== "string"){
const err50 = {instancePath:instancePath+"/spec/loki/auth/user",schemaPath:"#/properties/spec/properties/loki/properties/auth/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.auth.properties.user.type,parentSchema:schema11.properties.spec.properties.loki.properties.auth.properties.user,data:data19};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/spec/loki/auth",schemaPath:"#/properties/spec/properties/loki/properties/auth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.loki.properties.auth.type,parentSchema:schema11.properties.spec.properties.loki.properties.auth,data:data13};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data12.tenantID !== undefined){
let data20 = data12.tenantID;
if(typeof data20 !== "string"){
const err52 = {instancePath:instancePath+"/spec/loki/tenantID",schemaPath:"#/properties/spec/properties/loki/properties/tenantID/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.tenantID.type,parentSchema:schema11.properties.spec.properties.loki.properties.tenantID,data:data20};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data12.endpoint !== undefined){
let data21 = data12.endpoint;
if(typeof data21 !== "string"){
const err53 = {instancePath:instancePath+"/spec/loki/endpoint",schemaPath:"#/properties/spec/properties/loki/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.endpoint.type,parentSchema:schema11.properties.spec.properties.loki.properties.endpoint,data:data21};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data12.tls !== undefined){
let data22 = data12.tls;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key4 in data22){
if(!(((((key4 === "secretRef") || (key4 === "caFile")) || (key4 === "clientCrt")) || (key4 === "verifyHostname")) || (key4 === "verifyCertificate"))){
const err54 = {instancePath:instancePath+"/spec/loki/tls",schemaPath:"#/properties/spec/properties/loki/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.loki.properties.tls,data:data22};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data22.secretRef !== undefined){
let data23 = data22.secretRef;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
for(const key5 in data23){
if(!(key5 === "name")){
const err55 = {instancePath:instancePath+"/spec/loki/tls/secretRef",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/secretRef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.secretRef,data:data23};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data23.name !== undefined){
let data24 = data23.name;
if(typeof data24 !== "string"){
const err56 = {instancePath:instancePath+"/spec/loki/tls/secretRef/name",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/secretRef/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.tls.properties.secretRef.properties.name.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.secretRef.properties.name,data:data24};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/spec/loki/tls/secretRef",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/secretRef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.loki.properties.tls.properties.secretRef.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.secretRef,data:data23};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data22.caFile !== undefined){
let data25 = data22.caFile;
if(typeof data25 !== "string"){
const err58 = {instancePath:instancePath+"/spec/loki/tls/caFile",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/caFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.tls.properties.caFile.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.caFile,data:data25};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data22.clientCrt !== undefined){
let data26 = data22.clientCrt;
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
if(data26.crtFile === undefined){
const err59 = {instancePath:instancePath+"/spec/loki/tls/clientCrt",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "crtFile"},message:"must have required property '"+"crtFile"+"'",schema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt,data:data26};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if(data26.keyFile === undefined){
const err60 = {instancePath:instancePath+"/spec/loki/tls/clientCrt",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "keyFile"},message:"must have required property '"+"keyFile"+"'",schema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt,data:data26};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
for(const key6 in data26){
if(!(((key6 === "crtFile") || (key6 === "keyFile")) || (key6 === "keyPass"))){
const err61 = {instancePath:instancePath+"/spec/loki/tls/clientCrt",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/clientCrt/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt,data:data26};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data26.crtFile !== undefined){
let data27 = data26.crtFile;
if(typeof data27 !== "string"){
const err62 = {instancePath:instancePath+"/spec/loki/tls/clientCrt/crtFile",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/clientCrt/properties/crtFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.properties.crtFile.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.properties.crtFile,data:data27};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data26.keyFile !== undefined){
let data28 = data26.keyFile;
if(!(typeof data28 === "string")){
const err63 = {instancePath:instancePath+"/spec/loki/tls/clientCrt/keyFile",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/clientCrt/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.properties.keyFile.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.properties.keyFile,data:data28};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data26.keyPass !== undefined){
let data29 = data26.keyPass;
if(!(typeof data29 === "string")){
const err64 = {instancePath:instancePath+"/spec/loki/tls/clientCrt/keyPass",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/clientCrt/properties/keyPass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.properties.keyPass.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.properties.keyPass,data:data29};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/spec/loki/tls/clientCrt",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/clientCrt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.clientCrt,data:data26};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data22.verifyHostname !== undefined){
let data30 = data22.verifyHostname;
if(typeof data30 !== "boolean"){
const err66 = {instancePath:instancePath+"/spec/loki/tls/verifyHostname",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/verifyHostname/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.loki.properties.tls.properties.verifyHostname.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.verifyHostname,data:data30};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data22.verifyCertificate !== undefined){
let data31 = data22.verifyCertificate;
if(typeof data31 !== "boolean"){
const err67 = {instancePath:instancePath+"/spec/loki/tls/verifyCertificate",schemaPath:"#/properties/spec/properties/loki/properties/tls/properties/verifyCertificate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.loki.properties.tls.properties.verifyCertificate.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls.properties.verifyCertificate,data:data31};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/spec/loki/tls",schemaPath:"#/properties/spec/properties/loki/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.loki.properties.tls.type,parentSchema:schema11.properties.spec.properties.loki.properties.tls,data:data22};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/spec/loki",schemaPath:"#/properties/spec/properties/loki/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.loki.type,parentSchema:schema11.properties.spec.properties.loki,data:data12};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data3.elasticsearch !== undefined){
let data32 = data3.elasticsearch;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.endpoint === undefined){
const err70 = {instancePath:instancePath+"/spec/elasticsearch",schemaPath:"#/properties/spec/properties/elasticsearch/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema11.properties.spec.properties.elasticsearch.required,parentSchema:schema11.properties.spec.properties.elasticsearch,data:data32};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
for(const key7 in data32){
if(!(((((((key7 === "auth") || (key7 === "index")) || (key7 === "pipeline")) || (key7 === "endpoint")) || (key7 === "dataStreamEnabled")) || (key7 === "docType")) || (key7 === "tls"))){
const err71 = {instancePath:instancePath+"/spec/elasticsearch",schemaPath:"#/properties/spec/properties/elasticsearch/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.elasticsearch,data:data32};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data32.auth !== undefined){
let data33 = data32.auth;
const _errs92 = errors;
let valid25 = false;
let passing2 = null;
const _errs93 = errors;
const _errs95 = errors;
const _errs96 = errors;
const _errs97 = errors;
let valid28 = false;
const _errs98 = errors;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
let missing3;
if((data33.awsAccessKey === undefined) && (missing3 = "awsAccessKey")){
const err72 = {};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
var _valid5 = _errs98 === errors;
valid28 = valid28 || _valid5;
if(!valid28){
const _errs99 = errors;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
let missing4;
if((data33.awsSecretKey === undefined) && (missing4 = "awsSecretKey")){
const err73 = {};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
var _valid5 = _errs99 === errors;
valid28 = valid28 || _valid5;
if(!valid28){
const _errs100 = errors;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
let missing5;
if((data33.awsAssumeRole === undefined) && (missing5 = "awsAssumeRole")){
const err74 = {};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
var _valid5 = _errs100 === errors;
valid28 = valid28 || _valid5;
if(!valid28){
const _errs101 = errors;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
let missing6;
if((data33.awsRegion === undefined) && (missing6 = "awsRegion")){
const err75 = {};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
var _valid5 = _errs101 === errors;
valid28 = valid28 || _valid5;
}
}
}
if(!valid28){
const err76 = {};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
else {
errors = _errs97;
if(vErrors !== null){
if(_errs97){
vErrors.length = _errs97;
}
else {
vErrors = null;
}
}
}
var valid27 = _errs96 === errors;
if(valid27){
const err77 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf/0/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].allOf[0].not,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].allOf[0],data:data33};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
else {
errors = _errs95;
if(vErrors !== null){
if(_errs95){
vErrors.length = _errs95;
}
else {
vErrors = null;
}
}
}
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.user === undefined){
const err78 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf/0/allOf/1/required",keyword:"required",params:{missingProperty: "user"},message:"must have required property '"+"user"+"'",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].allOf[1].required,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].allOf[1],data:data33};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(data33.password === undefined){
const err79 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf/0/allOf/1/required",keyword:"required",params:{missingProperty: "password"},message:"must have required property '"+"password"+"'",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].allOf[1].required,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].allOf[1],data:data33};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.strategy !== undefined){
let data34 = data33.strategy;
if(!(data34 === "Basic")){
const err80 = {instancePath:instancePath+"/spec/elasticsearch/auth/strategy",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf/0/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].properties.strategy.enum,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[0].properties.strategy,data:data34};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
var _valid4 = _errs93 === errors;
if(_valid4){
valid25 = true;
passing2 = 0;
}
const _errs104 = errors;
const _errs106 = errors;
const _errs107 = errors;
const _errs108 = errors;
let valid32 = false;
const _errs109 = errors;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
let missing7;
if((data33.user === undefined) && (missing7 = "user")){
const err81 = {};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
var _valid6 = _errs109 === errors;
valid32 = valid32 || _valid6;
if(!valid32){
const _errs110 = errors;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
let missing8;
if((data33.password === undefined) && (missing8 = "password")){
const err82 = {};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
var _valid6 = _errs110 === errors;
valid32 = valid32 || _valid6;
}
if(!valid32){
const err83 = {};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
else {
errors = _errs108;
if(vErrors !== null){
if(_errs108){
vErrors.length = _errs108;
}
else {
vErrors = null;
}
}
}
var valid31 = _errs107 === errors;
if(valid31){
const err84 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf/1/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].allOf[0].not,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].allOf[0],data:data33};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
else {
errors = _errs106;
if(vErrors !== null){
if(_errs106){
vErrors.length = _errs106;
}
else {
vErrors = null;
}
}
}
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.awsAccessKey === undefined){
const err85 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf/1/allOf/1/required",keyword:"required",params:{missingProperty: "awsAccessKey"},message:"must have required property '"+"awsAccessKey"+"'",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].allOf[1].required,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].allOf[1],data:data33};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(data33.awsSecretKey === undefined){
const err86 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf/1/allOf/1/required",keyword:"required",params:{missingProperty: "awsSecretKey"},message:"must have required property '"+"awsSecretKey"+"'",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].allOf[1].required,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].allOf[1],data:data33};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.strategy !== undefined){
let data35 = data33.strategy;
if(!(data35 === "AWS")){
const err87 = {instancePath:instancePath+"/spec/elasticsearch/auth/strategy",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf/1/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].properties.strategy.enum,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf[1].properties.strategy,data:data35};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
}
var _valid4 = _errs104 === errors;
if(_valid4 && valid25){
valid25 = false;
passing2 = [passing2, 1];
}
else {
if(_valid4){
valid25 = true;
passing2 = 1;
}
}
if(!valid25){
const err88 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.oneOf,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth,data:data33};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
else {
errors = _errs92;
if(vErrors !== null){
if(_errs92){
vErrors.length = _errs92;
}
else {
vErrors = null;
}
}
}
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
for(const key8 in data33){
if(!(((((((key8 === "strategy") || (key8 === "password")) || (key8 === "awsAccessKey")) || (key8 === "awsSecretKey")) || (key8 === "awsAssumeRole")) || (key8 === "user")) || (key8 === "awsRegion"))){
const err89 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth,data:data33};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data33.strategy !== undefined){
let data36 = data33.strategy;
if(typeof data36 !== "string"){
const err90 = {instancePath:instancePath+"/spec/elasticsearch/auth/strategy",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/properties/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.strategy.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.strategy,data:data36};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(!((data36 === "Basic") || (data36 === "AWS"))){
const err91 = {instancePath:instancePath+"/spec/elasticsearch/auth/strategy",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.elasticsearch.properties.auth.properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.strategy.enum,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.strategy,data:data36};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data33.password !== undefined){
let data37 = data33.password;
if(!(typeof data37 === "string")){
const err92 = {instancePath:instancePath+"/spec/elasticsearch/auth/password",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.password.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.password,data:data37};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data33.awsAccessKey !== undefined){
let data38 = data33.awsAccessKey;
if(typeof data38 !== "string"){
const err93 = {instancePath:instancePath+"/spec/elasticsearch/auth/awsAccessKey",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/properties/awsAccessKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.awsAccessKey.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.awsAccessKey,data:data38};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data33.awsSecretKey !== undefined){
let data39 = data33.awsSecretKey;
if(typeof data39 !== "string"){
const err94 = {instancePath:instancePath+"/spec/elasticsearch/auth/awsSecretKey",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/properties/awsSecretKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.awsSecretKey.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.awsSecretKey,data:data39};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data33.awsAssumeRole !== undefined){
let data40 = data33.awsAssumeRole;
if(typeof data40 !== "string"){
const err95 = {instancePath:instancePath+"/spec/elasticsearch/auth/awsAssumeRole",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/properties/awsAssumeRole/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.awsAssumeRole.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.awsAssumeRole,data:data40};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data33.user !== undefined){
let data41 = data33.user;
if(typeof data41 !== "string"){
const err96 = {instancePath:instancePath+"/spec/elasticsearch/auth/user",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.user.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.user,data:data41};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data33.awsRegion !== undefined){
let data42 = data33.awsRegion;
if(typeof data42 !== "string"){
const err97 = {instancePath:instancePath+"/spec/elasticsearch/auth/awsRegion",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/properties/awsRegion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.awsRegion.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth.properties.awsRegion,data:data42};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/spec/elasticsearch/auth",schemaPath:"#/properties/spec/properties/elasticsearch/properties/auth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.elasticsearch.properties.auth.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.auth,data:data33};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data32.index !== undefined){
let data43 = data32.index;
if(typeof data43 !== "string"){
const err99 = {instancePath:instancePath+"/spec/elasticsearch/index",schemaPath:"#/properties/spec/properties/elasticsearch/properties/index/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.index.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.index,data:data43};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data32.pipeline !== undefined){
let data44 = data32.pipeline;
if(typeof data44 !== "string"){
const err100 = {instancePath:instancePath+"/spec/elasticsearch/pipeline",schemaPath:"#/properties/spec/properties/elasticsearch/properties/pipeline/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.pipeline.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.pipeline,data:data44};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data32.endpoint !== undefined){
let data45 = data32.endpoint;
if(typeof data45 !== "string"){
const err101 = {instancePath:instancePath+"/spec/elasticsearch/endpoint",schemaPath:"#/properties/spec/properties/elasticsearch/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.endpoint.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.endpoint,data:data45};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data32.dataStreamEnabled !== undefined){
let data46 = data32.dataStreamEnabled;
if(typeof data46 !== "boolean"){
const err102 = {instancePath:instancePath+"/spec/elasticsearch/dataStreamEnabled",schemaPath:"#/properties/spec/properties/elasticsearch/properties/dataStreamEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.elasticsearch.properties.dataStreamEnabled.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.dataStreamEnabled,data:data46};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data32.docType !== undefined){
let data47 = data32.docType;
if(typeof data47 !== "string"){
const err103 = {instancePath:instancePath+"/spec/elasticsearch/docType",schemaPath:"#/properties/spec/properties/elasticsearch/properties/docType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.docType.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.docType,data:data47};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data32.tls !== undefined){
let data48 = data32.tls;
if(data48 && typeof data48 == "object" && !Array.isArray(data48)){
for(const key9 in data48){
if(!(((((key9 === "secretRef") || (key9 === "caFile")) || (key9 === "clientCrt")) || (key9 === "verifyHostname")) || (key9 === "verifyCertificate"))){
const err104 = {instancePath:instancePath+"/spec/elasticsearch/tls",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls,data:data48};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data48.secretRef !== undefined){
let data49 = data48.secretRef;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
for(const key10 in data49){
if(!(key10 === "name")){
const err105 = {instancePath:instancePath+"/spec/elasticsearch/tls/secretRef",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/secretRef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.secretRef,data:data49};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data49.name !== undefined){
let data50 = data49.name;
if(typeof data50 !== "string"){
const err106 = {instancePath:instancePath+"/spec/elasticsearch/tls/secretRef/name",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/secretRef/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.secretRef.properties.name.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.secretRef.properties.name,data:data50};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
}
else {
const err107 = {instancePath:instancePath+"/spec/elasticsearch/tls/secretRef",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/secretRef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.secretRef.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.secretRef,data:data49};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data48.caFile !== undefined){
let data51 = data48.caFile;
if(typeof data51 !== "string"){
const err108 = {instancePath:instancePath+"/spec/elasticsearch/tls/caFile",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/caFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.caFile.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.caFile,data:data51};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data48.clientCrt !== undefined){
let data52 = data48.clientCrt;
if(data52 && typeof data52 == "object" && !Array.isArray(data52)){
if(data52.crtFile === undefined){
const err109 = {instancePath:instancePath+"/spec/elasticsearch/tls/clientCrt",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "crtFile"},message:"must have required property '"+"crtFile"+"'",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt,data:data52};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
if(data52.keyFile === undefined){
const err110 = {instancePath:instancePath+"/spec/elasticsearch/tls/clientCrt",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "keyFile"},message:"must have required property '"+"keyFile"+"'",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt,data:data52};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
for(const key11 in data52){
if(!(((key11 === "crtFile") || (key11 === "keyFile")) || (key11 === "keyPass"))){
const err111 = {instancePath:instancePath+"/spec/elasticsearch/tls/clientCrt",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/clientCrt/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt,data:data52};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data52.crtFile !== undefined){
let data53 = data52.crtFile;
if(typeof data53 !== "string"){
const err112 = {instancePath:instancePath+"/spec/elasticsearch/tls/clientCrt/crtFile",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/clientCrt/properties/crtFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.properties.crtFile.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.properties.crtFile,data:data53};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
if(data52.keyFile !== undefined){
let data54 = data52.keyFile;
if(!(typeof data54 === "string")){
const err113 = {instancePath:instancePath+"/spec/elasticsearch/tls/clientCrt/keyFile",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/clientCrt/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.properties.keyFile.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.properties.keyFile,data:data54};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
if(data52.keyPass !== undefined){
let data55 = data52.keyPass;
if(!(typeof data55 === "string")){
const err114 = {instancePath:instancePath+"/spec/elasticsearch/tls/clientCrt/keyPass",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/clientCrt/properties/keyPass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.properties.keyPass.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.properties.keyPass,data:data55};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
}
else {
const err115 = {instancePath:instancePath+"/spec/elasticsearch/tls/clientCrt",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/clientCrt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.clientCrt,data:data52};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
if(data48.verifyHostname !== undefined){
let data56 = data48.verifyHostname;
if(typeof data56 !== "boolean"){
const err116 = {instancePath:instancePath+"/spec/elasticsearch/tls/verifyHostname",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/verifyHostname/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.verifyHostname.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.verifyHostname,data:data56};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data48.verifyCertificate !== undefined){
let data57 = data48.verifyCertificate;
if(typeof data57 !== "boolean"){
const err117 = {instancePath:instancePath+"/spec/elasticsearch/tls/verifyCertificate",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/properties/verifyCertificate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.verifyCertificate.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls.properties.verifyCertificate,data:data57};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
}
else {
const err118 = {instancePath:instancePath+"/spec/elasticsearch/tls",schemaPath:"#/properties/spec/properties/elasticsearch/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.elasticsearch.properties.tls.type,parentSchema:schema11.properties.spec.properties.elasticsearch.properties.tls,data:data48};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
}
else {
const err119 = {instancePath:instancePath+"/spec/elasticsearch",schemaPath:"#/properties/spec/properties/elasticsearch/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.elasticsearch.type,parentSchema:schema11.properties.spec.properties.elasticsearch,data:data32};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
if(data3.logstash !== undefined){
let data58 = data3.logstash;
if(data58 && typeof data58 == "object" && !Array.isArray(data58)){
if(data58.endpoint === undefined){
const err120 = {instancePath:instancePath+"/spec/logstash",schemaPath:"#/properties/spec/properties/logstash/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema11.properties.spec.properties.logstash.required,parentSchema:schema11.properties.spec.properties.logstash,data:data58};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
for(const key12 in data58){
if(!((key12 === "endpoint") || (key12 === "tls"))){
const err121 = {instancePath:instancePath+"/spec/logstash",schemaPath:"#/properties/spec/properties/logstash/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.logstash,data:data58};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
if(data58.endpoint !== undefined){
let data59 = data58.endpoint;
if(typeof data59 !== "string"){
const err122 = {instancePath:instancePath+"/spec/logstash/endpoint",schemaPath:"#/properties/spec/properties/logstash/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logstash.properties.endpoint.type,parentSchema:schema11.properties.spec.properties.logstash.properties.endpoint,data:data59};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
if(data58.tls !== undefined){
let data60 = data58.tls;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
for(const key13 in data60){
if(!(((((key13 === "secretRef") || (key13 === "caFile")) || (key13 === "clientCrt")) || (key13 === "verifyHostname")) || (key13 === "verifyCertificate"))){
const err123 = {instancePath:instancePath+"/spec/logstash/tls",schemaPath:"#/properties/spec/properties/logstash/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.logstash.properties.tls,data:data60};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data60.secretRef !== undefined){
let data61 = data60.secretRef;
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
for(const key14 in data61){
if(!(key14 === "name")){
const err124 = {instancePath:instancePath+"/spec/logstash/tls/secretRef",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/secretRef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.secretRef,data:data61};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data61.name !== undefined){
let data62 = data61.name;
if(typeof data62 !== "string"){
const err125 = {instancePath:instancePath+"/spec/logstash/tls/secretRef/name",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/secretRef/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.secretRef.properties.name.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.secretRef.properties.name,data:data62};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
}
else {
const err126 = {instancePath:instancePath+"/spec/logstash/tls/secretRef",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/secretRef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.secretRef.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.secretRef,data:data61};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
if(data60.caFile !== undefined){
let data63 = data60.caFile;
if(typeof data63 !== "string"){
const err127 = {instancePath:instancePath+"/spec/logstash/tls/caFile",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/caFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.caFile.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.caFile,data:data63};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data60.clientCrt !== undefined){
let data64 = data60.clientCrt;
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
if(data64.crtFile === undefined){
const err128 = {instancePath:instancePath+"/spec/logstash/tls/clientCrt",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "crtFile"},message:"must have required property '"+"crtFile"+"'",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt,data:data64};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if(data64.keyFile === undefined){
const err129 = {instancePath:instancePath+"/spec/logstash/tls/clientCrt",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "keyFile"},message:"must have required property '"+"keyFile"+"'",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt,data:data64};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
for(const key15 in data64){
if(!(((key15 === "crtFile") || (key15 === "keyFile")) || (key15 === "keyPass"))){
const err130 = {instancePath:instancePath+"/spec/logstash/tls/clientCrt",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/clientCrt/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt,data:data64};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
if(data64.crtFile !== undefined){
let data65 = data64.crtFile;
if(typeof data65 !== "string"){
const err131 = {instancePath:instancePath+"/spec/logstash/tls/clientCrt/crtFile",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/clientCrt/properties/crtFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.properties.crtFile.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.properties.crtFile,data:data65};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
if(data64.keyFile !== undefined){
let data66 = data64.keyFile;
if(!(typeof data66 === "string")){
const err132 = {instancePath:instancePath+"/spec/logstash/tls/clientCrt/keyFile",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/clientCrt/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.properties.keyFile.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.properties.keyFile,data:data66};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data64.keyPass !== undefined){
let data67 = data64.keyPass;
if(!(typeof data67 === "string")){
const err133 = {instancePath:instancePath+"/spec/logstash/tls/clientCrt/keyPass",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/clientCrt/properties/keyPass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.properties.keyPass.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.properties.keyPass,data:data67};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
}
else {
const err134 = {instancePath:instancePath+"/spec/logstash/tls/clientCrt",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/clientCrt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.clientCrt,data:data64};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data60.verifyHostname !== undefined){
let data68 = data60.verifyHostname;
if(typeof data68 !== "boolean"){
const err135 = {instancePath:instancePath+"/spec/logstash/tls/verifyHostname",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/verifyHostname/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.verifyHostname.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.verifyHostname,data:data68};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data60.verifyCertificate !== undefined){
let data69 = data60.verifyCertificate;
if(typeof data69 !== "boolean"){
const err136 = {instancePath:instancePath+"/spec/logstash/tls/verifyCertificate",schemaPath:"#/properties/spec/properties/logstash/properties/tls/properties/verifyCertificate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.logstash.properties.tls.properties.verifyCertificate.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls.properties.verifyCertificate,data:data69};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
}
else {
const err137 = {instancePath:instancePath+"/spec/logstash/tls",schemaPath:"#/properties/spec/properties/logstash/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.logstash.properties.tls.type,parentSchema:schema11.properties.spec.properties.logstash.properties.tls,data:data60};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
}
else {
const err138 = {instancePath:instancePath+"/spec/logstash",schemaPath:"#/properties/spec/properties/logstash/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.logstash.type,parentSchema:schema11.properties.spec.properties.logstash,data:data58};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data3.kafka !== undefined){
let data70 = data3.kafka;
if(data70 && typeof data70 == "object" && !Array.isArray(data70)){
if(data70.topic === undefined){
const err139 = {instancePath:instancePath+"/spec/kafka",schemaPath:"#/properties/spec/properties/kafka/required",keyword:"required",params:{missingProperty: "topic"},message:"must have required property '"+"topic"+"'",schema:schema11.properties.spec.properties.kafka.required,parentSchema:schema11.properties.spec.properties.kafka,data:data70};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
if(data70.bootstrapServers === undefined){
const err140 = {instancePath:instancePath+"/spec/kafka",schemaPath:"#/properties/spec/properties/kafka/required",keyword:"required",params:{missingProperty: "bootstrapServers"},message:"must have required property '"+"bootstrapServers"+"'",schema:schema11.properties.spec.properties.kafka.required,parentSchema:schema11.properties.spec.properties.kafka,data:data70};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
for(const key16 in data70){
if(!((((((key16 === "topic") || (key16 === "bootstrapServers")) || (key16 === "encoding")) || (key16 === "keyField")) || (key16 === "sasl")) || (key16 === "tls"))){
const err141 = {instancePath:instancePath+"/spec/kafka",schemaPath:"#/properties/spec/properties/kafka/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kafka,data:data70};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data70.topic !== undefined){
let data71 = data70.topic;
if(typeof data71 !== "string"){
const err142 = {instancePath:instancePath+"/spec/kafka/topic",schemaPath:"#/properties/spec/properties/kafka/properties/topic/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.topic.type,parentSchema:schema11.properties.spec.properties.kafka.properties.topic,data:data71};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
if(data70.bootstrapServers !== undefined){
let data72 = data70.bootstrapServers;
if(Array.isArray(data72)){
const len0 = data72.length;
for(let i0=0; i0<len0; i0++){
let data73 = data72[i0];
if(typeof data73 === "string"){
if(!pattern0.test(data73)){
const err143 = {instancePath:instancePath+"/spec/kafka/bootstrapServers/" + i0,schemaPath:"#/properties/spec/properties/kafka/properties/bootstrapServers/items/pattern",keyword:"pattern",params:{pattern: "^(.+)\\:\\d{1,5}$"},message:"must match pattern \""+"^(.+)\\:\\d{1,5}$"+"\"",schema:"^(.+)\\:\\d{1,5}$",parentSchema:schema11.properties.spec.properties.kafka.properties.bootstrapServers.items,data:data73};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
else {
const err144 = {instancePath:instancePath+"/spec/kafka/bootstrapServers/" + i0,schemaPath:"#/properties/spec/properties/kafka/properties/bootstrapServers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.bootstrapServers.items.type,parentSchema:schema11.properties.spec.properties.kafka.properties.bootstrapServers.items,data:data73};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
}
else {
const err145 = {instancePath:instancePath+"/spec/kafka/bootstrapServers",schemaPath:"#/properties/spec/properties/kafka/properties/bootstrapServers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.kafka.properties.bootstrapServers.type,parentSchema:schema11.properties.spec.properties.kafka.properties.bootstrapServers,data:data72};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
if(data70.encoding !== undefined){
let data74 = data70.encoding;
const _errs200 = errors;
let valid45 = false;
let passing3 = null;
const _errs201 = errors;
const _errs203 = errors;
const _errs204 = errors;
if(data74 && typeof data74 == "object" && !Array.isArray(data74)){
let missing9;
if((data74.cef === undefined) && (missing9 = "cef")){
const err146 = {};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
var valid47 = _errs204 === errors;
if(valid47){
const err147 = {instancePath:instancePath+"/spec/kafka/encoding",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/oneOf/0/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.kafka.properties.encoding.oneOf[0].allOf[0].not,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.oneOf[0].allOf[0],data:data74};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
else {
errors = _errs203;
if(vErrors !== null){
if(_errs203){
vErrors.length = _errs203;
}
else {
vErrors = null;
}
}
}
if(data74 && typeof data74 == "object" && !Array.isArray(data74)){
if(data74.codec !== undefined){
let data75 = data74.codec;
if(!(data75 === "JSON")){
const err148 = {instancePath:instancePath+"/spec/kafka/encoding/codec",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/oneOf/0/properties/codec/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.kafka.properties.encoding.oneOf[0].properties.codec.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.kafka.properties.encoding.oneOf[0].properties.codec.enum,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.oneOf[0].properties.codec,data:data75};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
}
var _valid7 = _errs201 === errors;
if(_valid7){
valid45 = true;
passing3 = 0;
}
const _errs206 = errors;
if(data74 && typeof data74 == "object" && !Array.isArray(data74)){
if(data74.codec !== undefined){
let data76 = data74.codec;
if(!(data76 === "CEF")){
const err149 = {instancePath:instancePath+"/spec/kafka/encoding/codec",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/oneOf/1/properties/codec/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.kafka.properties.encoding.oneOf[1].properties.codec.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.kafka.properties.encoding.oneOf[1].properties.codec.enum,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.oneOf[1].properties.codec,data:data76};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
}
var _valid7 = _errs206 === errors;
if(_valid7 && valid45){
valid45 = false;
passing3 = [passing3, 1];
}
else {
if(_valid7){
valid45 = true;
passing3 = 1;
}
}
if(!valid45){
const err150 = {instancePath:instancePath+"/spec/kafka/encoding",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.kafka.properties.encoding.oneOf,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding,data:data74};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
else {
errors = _errs200;
if(vErrors !== null){
if(_errs200){
vErrors.length = _errs200;
}
else {
vErrors = null;
}
}
}
if(data74 && typeof data74 == "object" && !Array.isArray(data74)){
for(const key17 in data74){
if(!((key17 === "codec") || (key17 === "cef"))){
const err151 = {instancePath:instancePath+"/spec/kafka/encoding",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding,data:data74};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
if(data74.codec !== undefined){
let data77 = data74.codec;
if(typeof data77 !== "string"){
const err152 = {instancePath:instancePath+"/spec/kafka/encoding/codec",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/codec/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.encoding.properties.codec.type,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.codec,data:data77};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
if(!((data77 === "JSON") || (data77 === "CEF"))){
const err153 = {instancePath:instancePath+"/spec/kafka/encoding/codec",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/codec/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.kafka.properties.encoding.properties.codec.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.kafka.properties.encoding.properties.codec.enum,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.codec,data:data77};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
if(data74.cef !== undefined){
let data78 = data74.cef;
if(data78 && typeof data78 == "object" && !Array.isArray(data78)){
for(const key18 in data78){
if(!(((key18 === "deviceVendor") || (key18 === "deviceProduct")) || (key18 === "deviceVersion"))){
const err154 = {instancePath:instancePath+"/spec/kafka/encoding/cef",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/cef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef,data:data78};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
if(data78.deviceVendor !== undefined){
let data79 = data78.deviceVendor;
if(typeof data79 === "string"){
if(func3(data79) < 1){
const err155 = {instancePath:instancePath+"/spec/kafka/encoding/cef/deviceVendor",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/cef/properties/deviceVendor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceVendor,data:data79};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
else {
const err156 = {instancePath:instancePath+"/spec/kafka/encoding/cef/deviceVendor",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/cef/properties/deviceVendor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceVendor.type,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceVendor,data:data79};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data78.deviceProduct !== undefined){
let data80 = data78.deviceProduct;
if(typeof data80 === "string"){
if(func3(data80) < 1){
const err157 = {instancePath:instancePath+"/spec/kafka/encoding/cef/deviceProduct",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/cef/properties/deviceProduct/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceProduct,data:data80};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
else {
const err158 = {instancePath:instancePath+"/spec/kafka/encoding/cef/deviceProduct",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/cef/properties/deviceProduct/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceProduct.type,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceProduct,data:data80};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
if(data78.deviceVersion !== undefined){
let data81 = data78.deviceVersion;
if(typeof data81 === "string"){
if(func3(data81) < 1){
const err159 = {instancePath:instancePath+"/spec/kafka/encoding/cef/deviceVersion",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/cef/properties/deviceVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceVersion,data:data81};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
else {
const err160 = {instancePath:instancePath+"/spec/kafka/encoding/cef/deviceVersion",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/cef/properties/deviceVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceVersion.type,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.properties.deviceVersion,data:data81};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
}
else {
const err161 = {instancePath:instancePath+"/spec/kafka/encoding/cef",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/properties/cef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef.type,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding.properties.cef,data:data78};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
}
else {
const err162 = {instancePath:instancePath+"/spec/kafka/encoding",schemaPath:"#/properties/spec/properties/kafka/properties/encoding/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kafka.properties.encoding.type,parentSchema:schema11.properties.spec.properties.kafka.properties.encoding,data:data74};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data70.keyField !== undefined){
let data82 = data70.keyField;
if(typeof data82 !== "string"){
const err163 = {instancePath:instancePath+"/spec/kafka/keyField",schemaPath:"#/properties/spec/properties/kafka/properties/keyField/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.keyField.type,parentSchema:schema11.properties.spec.properties.kafka.properties.keyField,data:data82};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
if(data70.sasl !== undefined){
let data83 = data70.sasl;
if(data83 && typeof data83 == "object" && !Array.isArray(data83)){
if(data83.mechanism === undefined){
const err164 = {instancePath:instancePath+"/spec/kafka/sasl",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/required",keyword:"required",params:{missingProperty: "mechanism"},message:"must have required property '"+"mechanism"+"'",schema:schema11.properties.spec.properties.kafka.properties.sasl.required,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl,data:data83};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
if(data83.username === undefined){
const err165 = {instancePath:instancePath+"/spec/kafka/sasl",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/required",keyword:"required",params:{missingProperty: "username"},message:"must have required property '"+"username"+"'",schema:schema11.properties.spec.properties.kafka.properties.sasl.required,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl,data:data83};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
if(data83.password === undefined){
const err166 = {instancePath:instancePath+"/spec/kafka/sasl",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/required",keyword:"required",params:{missingProperty: "password"},message:"must have required property '"+"password"+"'",schema:schema11.properties.spec.properties.kafka.properties.sasl.required,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl,data:data83};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
for(const key19 in data83){
if(!(((key19 === "mechanism") || (key19 === "username")) || (key19 === "password"))){
const err167 = {instancePath:instancePath+"/spec/kafka/sasl",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl,data:data83};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
if(data83.mechanism !== undefined){
let data84 = data83.mechanism;
if(typeof data84 !== "string"){
const err168 = {instancePath:instancePath+"/spec/kafka/sasl/mechanism",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/properties/mechanism/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.sasl.properties.mechanism.type,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl.properties.mechanism,data:data84};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
if(!(((data84 === "PLAIN") || (data84 === "SCRAM-SHA-256")) || (data84 === "SCRAM-SHA-512"))){
const err169 = {instancePath:instancePath+"/spec/kafka/sasl/mechanism",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/properties/mechanism/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.kafka.properties.sasl.properties.mechanism.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.kafka.properties.sasl.properties.mechanism.enum,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl.properties.mechanism,data:data84};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
if(data83.username !== undefined){
let data85 = data83.username;
if(typeof data85 !== "string"){
const err170 = {instancePath:instancePath+"/spec/kafka/sasl/username",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.sasl.properties.username.type,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl.properties.username,data:data85};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
if(data83.password !== undefined){
let data86 = data83.password;
if(typeof data86 !== "string"){
const err171 = {instancePath:instancePath+"/spec/kafka/sasl/password",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.sasl.properties.password.type,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl.properties.password,data:data86};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
}
else {
const err172 = {instancePath:instancePath+"/spec/kafka/sasl",schemaPath:"#/properties/spec/properties/kafka/properties/sasl/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kafka.properties.sasl.type,parentSchema:schema11.properties.spec.properties.kafka.properties.sasl,data:data83};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
if(data70.tls !== undefined){
let data87 = data70.tls;
if(data87 && typeof data87 == "object" && !Array.isArray(data87)){
for(const key20 in data87){
if(!(((((key20 === "secretRef") || (key20 === "caFile")) || (key20 === "clientCrt")) || (key20 === "verifyHostname")) || (key20 === "verifyCertificate"))){
const err173 = {instancePath:instancePath+"/spec/kafka/tls",schemaPath:"#/properties/spec/properties/kafka/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kafka.properties.tls,data:data87};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
if(data87.secretRef !== undefined){
let data88 = data87.secretRef;
if(data88 && typeof data88 == "object" && !Array.isArray(data88)){
for(const key21 in data88){
if(!(key21 === "name")){
const err174 = {instancePath:instancePath+"/spec/kafka/tls/secretRef",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/secretRef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.secretRef,data:data88};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
if(data88.name !== undefined){
let data89 = data88.name;
if(typeof data89 !== "string"){
const err175 = {instancePath:instancePath+"/spec/kafka/tls/secretRef/name",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/secretRef/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.secretRef.properties.name.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.secretRef.properties.name,data:data89};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
}
else {
const err176 = {instancePath:instancePath+"/spec/kafka/tls/secretRef",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/secretRef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.secretRef.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.secretRef,data:data88};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
if(data87.caFile !== undefined){
let data90 = data87.caFile;
if(typeof data90 !== "string"){
const err177 = {instancePath:instancePath+"/spec/kafka/tls/caFile",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/caFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.caFile.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.caFile,data:data90};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
if(data87.clientCrt !== undefined){
let data91 = data87.clientCrt;
if(data91 && typeof data91 == "object" && !Array.isArray(data91)){
if(data91.crtFile === undefined){
const err178 = {instancePath:instancePath+"/spec/kafka/tls/clientCrt",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "crtFile"},message:"must have required property '"+"crtFile"+"'",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt,data:data91};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
if(data91.keyFile === undefined){
const err179 = {instancePath:instancePath+"/spec/kafka/tls/clientCrt",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "keyFile"},message:"must have required property '"+"keyFile"+"'",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt,data:data91};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
for(const key22 in data91){
if(!(((key22 === "crtFile") || (key22 === "keyFile")) || (key22 === "keyPass"))){
const err180 = {instancePath:instancePath+"/spec/kafka/tls/clientCrt",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/clientCrt/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt,data:data91};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
if(data91.crtFile !== undefined){
let data92 = data91.crtFile;
if(typeof data92 !== "string"){
const err181 = {instancePath:instancePath+"/spec/kafka/tls/clientCrt/crtFile",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/clientCrt/properties/crtFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.properties.crtFile.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.properties.crtFile,data:data92};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
if(data91.keyFile !== undefined){
let data93 = data91.keyFile;
if(!(typeof data93 === "string")){
const err182 = {instancePath:instancePath+"/spec/kafka/tls/clientCrt/keyFile",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/clientCrt/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.properties.keyFile.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.properties.keyFile,data:data93};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
if(data91.keyPass !== undefined){
let data94 = data91.keyPass;
if(!(typeof data94 === "string")){
const err183 = {instancePath:instancePath+"/spec/kafka/tls/clientCrt/keyPass",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/clientCrt/properties/keyPass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.properties.keyPass.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.properties.keyPass,data:data94};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
}
else {
const err184 = {instancePath:instancePath+"/spec/kafka/tls/clientCrt",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/clientCrt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.clientCrt,data:data91};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
}
if(data87.verifyHostname !== undefined){
let data95 = data87.verifyHostname;
if(typeof data95 !== "boolean"){
const err185 = {instancePath:instancePath+"/spec/kafka/tls/verifyHostname",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/verifyHostname/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.verifyHostname.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.verifyHostname,data:data95};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
if(data87.verifyCertificate !== undefined){
let data96 = data87.verifyCertificate;
if(typeof data96 !== "boolean"){
const err186 = {instancePath:instancePath+"/spec/kafka/tls/verifyCertificate",schemaPath:"#/properties/spec/properties/kafka/properties/tls/properties/verifyCertificate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.kafka.properties.tls.properties.verifyCertificate.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls.properties.verifyCertificate,data:data96};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
}
}
else {
const err187 = {instancePath:instancePath+"/spec/kafka/tls",schemaPath:"#/properties/spec/properties/kafka/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kafka.properties.tls.type,parentSchema:schema11.properties.spec.properties.kafka.properties.tls,data:data87};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
}
}
else {
const err188 = {instancePath:instancePath+"/spec/kafka",schemaPath:"#/properties/spec/properties/kafka/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kafka.type,parentSchema:schema11.properties.spec.properties.kafka,data:data70};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
if(data3.splunk !== undefined){
let data97 = data3.splunk;
if(data97 && typeof data97 == "object" && !Array.isArray(data97)){
if(data97.token === undefined){
const err189 = {instancePath:instancePath+"/spec/splunk",schemaPath:"#/properties/spec/properties/splunk/required",keyword:"required",params:{missingProperty: "token"},message:"must have required property '"+"token"+"'",schema:schema11.properties.spec.properties.splunk.required,parentSchema:schema11.properties.spec.properties.splunk,data:data97};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
if(data97.endpoint === undefined){
const err190 = {instancePath:instancePath+"/spec/splunk",schemaPath:"#/properties/spec/properties/splunk/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema11.properties.spec.properties.splunk.required,parentSchema:schema11.properties.spec.properties.splunk,data:data97};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
for(const key23 in data97){
if(!((((key23 === "endpoint") || (key23 === "token")) || (key23 === "index")) || (key23 === "tls"))){
const err191 = {instancePath:instancePath+"/spec/splunk",schemaPath:"#/properties/spec/properties/splunk/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.splunk,data:data97};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
if(data97.endpoint !== undefined){
let data98 = data97.endpoint;
if(typeof data98 !== "string"){
const err192 = {instancePath:instancePath+"/spec/splunk/endpoint",schemaPath:"#/properties/spec/properties/splunk/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.splunk.properties.endpoint.type,parentSchema:schema11.properties.spec.properties.splunk.properties.endpoint,data:data98};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
if(data97.token !== undefined){
let data99 = data97.token;
if(typeof data99 !== "string"){
const err193 = {instancePath:instancePath+"/spec/splunk/token",schemaPath:"#/properties/spec/properties/splunk/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.splunk.properties.token.type,parentSchema:schema11.properties.spec.properties.splunk.properties.token,data:data99};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
if(data97.index !== undefined){
let data100 = data97.index;
if(typeof data100 !== "string"){
const err194 = {instancePath:instancePath+"/spec/splunk/index",schemaPath:"#/properties/spec/properties/splunk/properties/index/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.splunk.properties.index.type,parentSchema:schema11.properties.spec.properties.splunk.properties.index,data:data100};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
}
if(data97.tls !== undefined){
let data101 = data97.tls;
if(data101 && typeof data101 == "object" && !Array.isArray(data101)){
for(const key24 in data101){
if(!(((((key24 === "secretRef") || (key24 === "caFile")) || (key24 === "clientCrt")) || (key24 === "verifyHostname")) || (key24 === "verifyCertificate"))){
const err195 = {instancePath:instancePath+"/spec/splunk/tls",schemaPath:"#/properties/spec/properties/splunk/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.splunk.properties.tls,data:data101};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
if(data101.secretRef !== undefined){
let data102 = data101.secretRef;
if(data102 && typeof data102 == "object" && !Array.isArray(data102)){
for(const key25 in data102){
if(!(key25 === "name")){
const err196 = {instancePath:instancePath+"/spec/splunk/tls/secretRef",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/secretRef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key25},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.secretRef,data:data102};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
if(data102.name !== undefined){
let data103 = data102.name;
if(typeof data103 !== "string"){
const err197 = {instancePath:instancePath+"/spec/splunk/tls/secretRef/name",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/secretRef/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.secretRef.properties.name.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.secretRef.properties.name,data:data103};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
}
else {
const err198 = {instancePath:instancePath+"/spec/splunk/tls/secretRef",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/secretRef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.secretRef.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.secretRef,data:data102};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
if(data101.caFile !== undefined){
let data104 = data101.caFile;
if(typeof data104 !== "string"){
const err199 = {instancePath:instancePath+"/spec/splunk/tls/caFile",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/caFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.caFile.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.caFile,data:data104};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
if(data101.clientCrt !== undefined){
let data105 = data101.clientCrt;
if(data105 && typeof data105 == "object" && !Array.isArray(data105)){
if(data105.crtFile === undefined){
const err200 = {instancePath:instancePath+"/spec/splunk/tls/clientCrt",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "crtFile"},message:"must have required property '"+"crtFile"+"'",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt,data:data105};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if(data105.keyFile === undefined){
const err201 = {instancePath:instancePath+"/spec/splunk/tls/clientCrt",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "keyFile"},message:"must have required property '"+"keyFile"+"'",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt,data:data105};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
for(const key26 in data105){
if(!(((key26 === "crtFile") || (key26 === "keyFile")) || (key26 === "keyPass"))){
const err202 = {instancePath:instancePath+"/spec/splunk/tls/clientCrt",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/clientCrt/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key26},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt,data:data105};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
}
if(data105.crtFile !== undefined){
let data106 = data105.crtFile;
if(typeof data106 !== "string"){
const err203 = {instancePath:instancePath+"/spec/splunk/tls/clientCrt/crtFile",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/clientCrt/properties/crtFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.properties.crtFile.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.properties.crtFile,data:data106};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
}
if(data105.keyFile !== undefined){
let data107 = data105.keyFile;
if(!(typeof data107 === "string")){
const err204 = {instancePath:instancePath+"/spec/splunk/tls/clientCrt/keyFile",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/clientCrt/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.properties.keyFile.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.properties.keyFile,data:data107};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
}
if(data105.keyPass !== undefined){
let data108 = data105.keyPass;
if(!(typeof data108 === "string")){
const err205 = {instancePath:instancePath+"/spec/splunk/tls/clientCrt/keyPass",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/clientCrt/properties/keyPass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.properties.keyPass.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.properties.keyPass,data:data108};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
}
}
else {
const err206 = {instancePath:instancePath+"/spec/splunk/tls/clientCrt",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/clientCrt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.clientCrt,data:data105};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
}
if(data101.verifyHostname !== undefined){
let data109 = data101.verifyHostname;
if(typeof data109 !== "boolean"){
const err207 = {instancePath:instancePath+"/spec/splunk/tls/verifyHostname",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/verifyHostname/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.verifyHostname.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.verifyHostname,data:data109};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
if(data101.verifyCertificate !== undefined){
let data110 = data101.verifyCertificate;
if(typeof data110 !== "boolean"){
const err208 = {instancePath:instancePath+"/spec/splunk/tls/verifyCertificate",schemaPath:"#/properties/spec/properties/splunk/properties/tls/properties/verifyCertificate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.splunk.properties.tls.properties.verifyCertificate.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls.properties.verifyCertificate,data:data110};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
}
}
else {
const err209 = {instancePath:instancePath+"/spec/splunk/tls",schemaPath:"#/properties/spec/properties/splunk/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.splunk.properties.tls.type,parentSchema:schema11.properties.spec.properties.splunk.properties.tls,data:data101};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
}
}
else {
const err210 = {instancePath:instancePath+"/spec/splunk",schemaPath:"#/properties/spec/properties/splunk/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.splunk.type,parentSchema:schema11.properties.spec.properties.splunk,data:data97};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
if(data3.socket !== undefined){
let data111 = data3.socket;
if(data111 && typeof data111 == "object" && !Array.isArray(data111)){
if(data111.address === undefined){
const err211 = {instancePath:instancePath+"/spec/socket",schemaPath:"#/properties/spec/properties/socket/required",keyword:"required",params:{missingProperty: "address"},message:"must have required property '"+"address"+"'",schema:schema11.properties.spec.properties.socket.required,parentSchema:schema11.properties.spec.properties.socket,data:data111};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
if(data111.mode === undefined){
const err212 = {instancePath:instancePath+"/spec/socket",schemaPath:"#/properties/spec/properties/socket/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:schema11.properties.spec.properties.socket.required,parentSchema:schema11.properties.spec.properties.socket,data:data111};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
for(const key27 in data111){
if(!((((key27 === "address") || (key27 === "encoding")) || (key27 === "mode")) || (key27 === "tcp"))){
const err213 = {instancePath:instancePath+"/spec/socket",schemaPath:"#/properties/spec/properties/socket/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key27},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.socket,data:data111};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
}
if(data111.address !== undefined){
let data112 = data111.address;
if(typeof data112 === "string"){
if(!pattern1.test(data112)){
const err214 = {instancePath:instancePath+"/spec/socket/address",schemaPath:"#/properties/spec/properties/socket/properties/address/pattern",keyword:"pattern",params:{pattern: "^.*:[1-9][0-9]+$"},message:"must match pattern \""+"^.*:[1-9][0-9]+$"+"\"",schema:"^.*:[1-9][0-9]+$",parentSchema:schema11.properties.spec.properties.socket.properties.address,data:data112};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
}
else {
const err215 = {instancePath:instancePath+"/spec/socket/address",schemaPath:"#/properties/spec/properties/socket/properties/address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.address.type,parentSchema:schema11.properties.spec.properties.socket.properties.address,data:data112};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
if(data111.encoding !== undefined){
let data113 = data111.encoding;
const _errs293 = errors;
let valid61 = false;
let passing4 = null;
const _errs294 = errors;
const _errs296 = errors;
const _errs297 = errors;
if(data113 && typeof data113 == "object" && !Array.isArray(data113)){
let missing10;
if((data113.cef === undefined) && (missing10 = "cef")){
const err216 = {};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
var valid63 = _errs297 === errors;
if(valid63){
const err217 = {instancePath:instancePath+"/spec/socket/encoding",schemaPath:"#/properties/spec/properties/socket/properties/encoding/oneOf/0/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.socket.properties.encoding.oneOf[0].allOf[0].not,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.oneOf[0].allOf[0],data:data113};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
else {
errors = _errs296;
if(vErrors !== null){
if(_errs296){
vErrors.length = _errs296;
}
else {
vErrors = null;
}
}
}
if(data113 && typeof data113 == "object" && !Array.isArray(data113)){
if(data113.codec !== undefined){
let data114 = data113.codec;
if(!((((data114 === "Text") || (data114 === "JSON")) || (data114 === "Syslog")) || (data114 === "GELF"))){
const err218 = {instancePath:instancePath+"/spec/socket/encoding/codec",schemaPath:"#/properties/spec/properties/socket/properties/encoding/oneOf/0/properties/codec/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.socket.properties.encoding.oneOf[0].properties.codec.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.socket.properties.encoding.oneOf[0].properties.codec.enum,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.oneOf[0].properties.codec,data:data114};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
}
var _valid8 = _errs294 === errors;
if(_valid8){
valid61 = true;
passing4 = 0;
}
const _errs299 = errors;
if(data113 && typeof data113 == "object" && !Array.isArray(data113)){
if(data113.codec !== undefined){
let data115 = data113.codec;
if(!(data115 === "CEF")){
const err219 = {instancePath:instancePath+"/spec/socket/encoding/codec",schemaPath:"#/properties/spec/properties/socket/properties/encoding/oneOf/1/properties/codec/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.socket.properties.encoding.oneOf[1].properties.codec.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.socket.properties.encoding.oneOf[1].properties.codec.enum,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.oneOf[1].properties.codec,data:data115};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
}
var _valid8 = _errs299 === errors;
if(_valid8 && valid61){
valid61 = false;
passing4 = [passing4, 1];
}
else {
if(_valid8){
valid61 = true;
passing4 = 1;
}
}
if(!valid61){
const err220 = {instancePath:instancePath+"/spec/socket/encoding",schemaPath:"#/properties/spec/properties/socket/properties/encoding/oneOf",keyword:"oneOf",params:{passingSchemas: passing4},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.socket.properties.encoding.oneOf,parentSchema:schema11.properties.spec.properties.socket.properties.encoding,data:data113};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
else {
errors = _errs293;
if(vErrors !== null){
if(_errs293){
vErrors.length = _errs293;
}
else {
vErrors = null;
}
}
}
if(data113 && typeof data113 == "object" && !Array.isArray(data113)){
for(const key28 in data113){
if(!((key28 === "codec") || (key28 === "cef"))){
const err221 = {instancePath:instancePath+"/spec/socket/encoding",schemaPath:"#/properties/spec/properties/socket/properties/encoding/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key28},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.socket.properties.encoding,data:data113};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
if(data113.codec !== undefined){
let data116 = data113.codec;
if(typeof data116 !== "string"){
const err222 = {instancePath:instancePath+"/spec/socket/encoding/codec",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/codec/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.encoding.properties.codec.type,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.codec,data:data116};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
if(!(((((data116 === "Text") || (data116 === "JSON")) || (data116 === "Syslog")) || (data116 === "CEF")) || (data116 === "GELF"))){
const err223 = {instancePath:instancePath+"/spec/socket/encoding/codec",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/codec/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.socket.properties.encoding.properties.codec.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.socket.properties.encoding.properties.codec.enum,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.codec,data:data116};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
}
if(data113.cef !== undefined){
let data117 = data113.cef;
if(data117 && typeof data117 == "object" && !Array.isArray(data117)){
for(const key29 in data117){
if(!(((key29 === "deviceVendor") || (key29 === "deviceProduct")) || (key29 === "deviceVersion"))){
const err224 = {instancePath:instancePath+"/spec/socket/encoding/cef",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/cef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key29},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef,data:data117};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
if(data117.deviceVendor !== undefined){
let data118 = data117.deviceVendor;
if(typeof data118 === "string"){
if(func3(data118) < 1){
const err225 = {instancePath:instancePath+"/spec/socket/encoding/cef/deviceVendor",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/cef/properties/deviceVendor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceVendor,data:data118};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
else {
const err226 = {instancePath:instancePath+"/spec/socket/encoding/cef/deviceVendor",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/cef/properties/deviceVendor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceVendor.type,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceVendor,data:data118};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
}
if(data117.deviceProduct !== undefined){
let data119 = data117.deviceProduct;
if(typeof data119 === "string"){
if(func3(data119) < 1){
const err227 = {instancePath:instancePath+"/spec/socket/encoding/cef/deviceProduct",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/cef/properties/deviceProduct/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceProduct,data:data119};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
else {
const err228 = {instancePath:instancePath+"/spec/socket/encoding/cef/deviceProduct",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/cef/properties/deviceProduct/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceProduct.type,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceProduct,data:data119};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
if(data117.deviceVersion !== undefined){
let data120 = data117.deviceVersion;
if(typeof data120 === "string"){
if(func3(data120) < 1){
const err229 = {instancePath:instancePath+"/spec/socket/encoding/cef/deviceVersion",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/cef/properties/deviceVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceVersion,data:data120};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
else {
const err230 = {instancePath:instancePath+"/spec/socket/encoding/cef/deviceVersion",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/cef/properties/deviceVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceVersion.type,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.properties.deviceVersion,data:data120};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
}
}
else {
const err231 = {instancePath:instancePath+"/spec/socket/encoding/cef",schemaPath:"#/properties/spec/properties/socket/properties/encoding/properties/cef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef.type,parentSchema:schema11.properties.spec.properties.socket.properties.encoding.properties.cef,data:data117};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
}
else {
const err232 = {instancePath:instancePath+"/spec/socket/encoding",schemaPath:"#/properties/spec/properties/socket/properties/encoding/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.socket.properties.encoding.type,parentSchema:schema11.properties.spec.properties.socket.properties.encoding,data:data113};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
if(data111.mode !== undefined){
let data121 = data111.mode;
if(typeof data121 !== "string"){
const err233 = {instancePath:instancePath+"/spec/socket/mode",schemaPath:"#/properties/spec/properties/socket/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.mode.type,parentSchema:schema11.properties.spec.properties.socket.properties.mode,data:data121};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
if(!((data121 === "TCP") || (data121 === "UDP"))){
const err234 = {instancePath:instancePath+"/spec/socket/mode",schemaPath:"#/properties/spec/properties/socket/properties/mode/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.socket.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.socket.properties.mode.enum,parentSchema:schema11.properties.spec.properties.socket.properties.mode,data:data121};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
}
if(data111.tcp !== undefined){
let data122 = data111.tcp;
if(data122 && typeof data122 == "object" && !Array.isArray(data122)){
for(const key30 in data122){
if(!(((key30 === "tls") || (key30 === "verifyHostname")) || (key30 === "verifyCertificate"))){
const err235 = {instancePath:instancePath+"/spec/socket/tcp",schemaPath:"#/properties/spec/properties/socket/properties/tcp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key30},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.socket.properties.tcp,data:data122};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
}
if(data122.tls !== undefined){
let data123 = data122.tls;
if(data123 && typeof data123 == "object" && !Array.isArray(data123)){
for(const key31 in data123){
if(!(((key31 === "secretRef") || (key31 === "caFile")) || (key31 === "clientCrt"))){
const err236 = {instancePath:instancePath+"/spec/socket/tcp/tls",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key31},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls,data:data123};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
if(data123.secretRef !== undefined){
let data124 = data123.secretRef;
if(data124 && typeof data124 == "object" && !Array.isArray(data124)){
for(const key32 in data124){
if(!(key32 === "name")){
const err237 = {instancePath:instancePath+"/spec/socket/tcp/tls/secretRef",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/secretRef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key32},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.secretRef,data:data124};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
}
if(data124.name !== undefined){
let data125 = data124.name;
if(typeof data125 !== "string"){
const err238 = {instancePath:instancePath+"/spec/socket/tcp/tls/secretRef/name",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/secretRef/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.secretRef.properties.name.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.secretRef.properties.name,data:data125};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
}
}
else {
const err239 = {instancePath:instancePath+"/spec/socket/tcp/tls/secretRef",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/secretRef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.secretRef.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.secretRef,data:data124};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
if(data123.caFile !== undefined){
let data126 = data123.caFile;
if(typeof data126 !== "string"){
const err240 = {instancePath:instancePath+"/spec/socket/tcp/tls/caFile",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/caFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.caFile.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.caFile,data:data126};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
}
if(data123.clientCrt !== undefined){
let data127 = data123.clientCrt;
if(data127 && typeof data127 == "object" && !Array.isArray(data127)){
if(data127.crtFile === undefined){
const err241 = {instancePath:instancePath+"/spec/socket/tcp/tls/clientCrt",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "crtFile"},message:"must have required property '"+"crtFile"+"'",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt,data:data127};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
if(data127.keyFile === undefined){
const err242 = {instancePath:instancePath+"/spec/socket/tcp/tls/clientCrt",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "keyFile"},message:"must have required property '"+"keyFile"+"'",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt,data:data127};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
for(const key33 in data127){
if(!(((key33 === "crtFile") || (key33 === "keyFile")) || (key33 === "keyPass"))){
const err243 = {instancePath:instancePath+"/spec/socket/tcp/tls/clientCrt",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/clientCrt/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key33},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt,data:data127};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
}
if(data127.crtFile !== undefined){
let data128 = data127.crtFile;
if(typeof data128 !== "string"){
const err244 = {instancePath:instancePath+"/spec/socket/tcp/tls/clientCrt/crtFile",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/clientCrt/properties/crtFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.properties.crtFile.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.properties.crtFile,data:data128};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
}
if(data127.keyFile !== undefined){
let data129 = data127.keyFile;
if(!(typeof data129 === "string")){
const err245 = {instancePath:instancePath+"/spec/socket/tcp/tls/clientCrt/keyFile",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/clientCrt/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.properties.keyFile.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.properties.keyFile,data:data129};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
}
if(data127.keyPass !== undefined){
let data130 = data127.keyPass;
if(!(typeof data130 === "string")){
const err246 = {instancePath:instancePath+"/spec/socket/tcp/tls/clientCrt/keyPass",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/clientCrt/properties/keyPass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.properties.keyPass.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.properties.keyPass,data:data130};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
}
}
else {
const err247 = {instancePath:instancePath+"/spec/socket/tcp/tls/clientCrt",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/properties/clientCrt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.properties.clientCrt,data:data127};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
}
}
else {
const err248 = {instancePath:instancePath+"/spec/socket/tcp/tls",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.tls,data:data123};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
}
if(data122.verifyHostname !== undefined){
let data131 = data122.verifyHostname;
if(typeof data131 !== "boolean"){
const err249 = {instancePath:instancePath+"/spec/socket/tcp/verifyHostname",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/verifyHostname/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.verifyHostname.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.verifyHostname,data:data131};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
}
if(data122.verifyCertificate !== undefined){
let data132 = data122.verifyCertificate;
if(typeof data132 !== "boolean"){
const err250 = {instancePath:instancePath+"/spec/socket/tcp/verifyCertificate",schemaPath:"#/properties/spec/properties/socket/properties/tcp/properties/verifyCertificate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.socket.properties.tcp.properties.verifyCertificate.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp.properties.verifyCertificate,data:data132};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
}
}
else {
const err251 = {instancePath:instancePath+"/spec/socket/tcp",schemaPath:"#/properties/spec/properties/socket/properties/tcp/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.socket.properties.tcp.type,parentSchema:schema11.properties.spec.properties.socket.properties.tcp,data:data122};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
}
}
else {
const err252 = {instancePath:instancePath+"/spec/socket",schemaPath:"#/properties/spec/properties/socket/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.socket.type,parentSchema:schema11.properties.spec.properties.socket,data:data111};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
if(data3.vector !== undefined){
let data133 = data3.vector;
if(data133 && typeof data133 == "object" && !Array.isArray(data133)){
if(data133.endpoint === undefined){
const err253 = {instancePath:instancePath+"/spec/vector",schemaPath:"#/properties/spec/properties/vector/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema11.properties.spec.properties.vector.required,parentSchema:schema11.properties.spec.properties.vector,data:data133};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
for(const key34 in data133){
if(!((key34 === "endpoint") || (key34 === "tls"))){
const err254 = {instancePath:instancePath+"/spec/vector",schemaPath:"#/properties/spec/properties/vector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key34},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.vector,data:data133};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
}
if(data133.endpoint !== undefined){
let data134 = data133.endpoint;
if(typeof data134 === "string"){
if(!pattern2.test(data134)){
const err255 = {instancePath:instancePath+"/spec/vector/endpoint",schemaPath:"#/properties/spec/properties/vector/properties/endpoint/pattern",keyword:"pattern",params:{pattern: "^(.+):([0-9]{1,5})$"},message:"must match pattern \""+"^(.+):([0-9]{1,5})$"+"\"",schema:"^(.+):([0-9]{1,5})$",parentSchema:schema11.properties.spec.properties.vector.properties.endpoint,data:data134};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
}
else {
const err256 = {instancePath:instancePath+"/spec/vector/endpoint",schemaPath:"#/properties/spec/properties/vector/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.vector.properties.endpoint.type,parentSchema:schema11.properties.spec.properties.vector.properties.endpoint,data:data134};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
}
if(data133.tls !== undefined){
let data135 = data133.tls;
if(data135 && typeof data135 == "object" && !Array.isArray(data135)){
for(const key35 in data135){
if(!(((((key35 === "secretRef") || (key35 === "caFile")) || (key35 === "clientCrt")) || (key35 === "verifyHostname")) || (key35 === "verifyCertificate"))){
const err257 = {instancePath:instancePath+"/spec/vector/tls",schemaPath:"#/properties/spec/properties/vector/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key35},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.vector.properties.tls,data:data135};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
}
if(data135.secretRef !== undefined){
let data136 = data135.secretRef;
if(data136 && typeof data136 == "object" && !Array.isArray(data136)){
for(const key36 in data136){
if(!(key36 === "name")){
const err258 = {instancePath:instancePath+"/spec/vector/tls/secretRef",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/secretRef/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key36},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.secretRef,data:data136};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
}
if(data136.name !== undefined){
let data137 = data136.name;
if(typeof data137 !== "string"){
const err259 = {instancePath:instancePath+"/spec/vector/tls/secretRef/name",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/secretRef/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.vector.properties.tls.properties.secretRef.properties.name.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.secretRef.properties.name,data:data137};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
}
}
else {
const err260 = {instancePath:instancePath+"/spec/vector/tls/secretRef",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/secretRef/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.vector.properties.tls.properties.secretRef.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.secretRef,data:data136};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
}
if(data135.caFile !== undefined){
let data138 = data135.caFile;
if(typeof data138 !== "string"){
const err261 = {instancePath:instancePath+"/spec/vector/tls/caFile",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/caFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.vector.properties.tls.properties.caFile.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.caFile,data:data138};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
}
if(data135.clientCrt !== undefined){
let data139 = data135.clientCrt;
if(data139 && typeof data139 == "object" && !Array.isArray(data139)){
if(data139.crtFile === undefined){
const err262 = {instancePath:instancePath+"/spec/vector/tls/clientCrt",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "crtFile"},message:"must have required property '"+"crtFile"+"'",schema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt,data:data139};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
if(data139.keyFile === undefined){
const err263 = {instancePath:instancePath+"/spec/vector/tls/clientCrt",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/clientCrt/required",keyword:"required",params:{missingProperty: "keyFile"},message:"must have required property '"+"keyFile"+"'",schema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.required,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt,data:data139};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
for(const key37 in data139){
if(!(((key37 === "crtFile") || (key37 === "keyFile")) || (key37 === "keyPass"))){
const err264 = {instancePath:instancePath+"/spec/vector/tls/clientCrt",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/clientCrt/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key37},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt,data:data139};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
}
if(data139.crtFile !== undefined){
let data140 = data139.crtFile;
if(typeof data140 !== "string"){
const err265 = {instancePath:instancePath+"/spec/vector/tls/clientCrt/crtFile",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/clientCrt/properties/crtFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.properties.crtFile.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.properties.crtFile,data:data140};
if(vErrors === null){
vErrors = [err265];
}
else {
vErrors.push(err265);
}
errors++;
}
}
if(data139.keyFile !== undefined){
let data141 = data139.keyFile;
if(!(typeof data141 === "string")){
const err266 = {instancePath:instancePath+"/spec/vector/tls/clientCrt/keyFile",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/clientCrt/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.properties.keyFile.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.properties.keyFile,data:data141};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
}
if(data139.keyPass !== undefined){
let data142 = data139.keyPass;
if(!(typeof data142 === "string")){
const err267 = {instancePath:instancePath+"/spec/vector/tls/clientCrt/keyPass",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/clientCrt/properties/keyPass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.properties.keyPass.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.properties.keyPass,data:data142};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
}
}
else {
const err268 = {instancePath:instancePath+"/spec/vector/tls/clientCrt",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/clientCrt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.clientCrt,data:data139};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
}
if(data135.verifyHostname !== undefined){
let data143 = data135.verifyHostname;
if(typeof data143 !== "boolean"){
const err269 = {instancePath:instancePath+"/spec/vector/tls/verifyHostname",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/verifyHostname/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.vector.properties.tls.properties.verifyHostname.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.verifyHostname,data:data143};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
}
if(data135.verifyCertificate !== undefined){
let data144 = data135.verifyCertificate;
if(typeof data144 !== "boolean"){
const err270 = {instancePath:instancePath+"/spec/vector/tls/verifyCertificate",schemaPath:"#/properties/spec/properties/vector/properties/tls/properties/verifyCertificate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.vector.properties.tls.properties.verifyCertificate.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls.properties.verifyCertificate,data:data144};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
}
}
else {
const err271 = {instancePath:instancePath+"/spec/vector/tls",schemaPath:"#/properties/spec/properties/vector/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.vector.properties.tls.type,parentSchema:schema11.properties.spec.properties.vector.properties.tls,data:data135};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
}
}
else {
const err272 = {instancePath:instancePath+"/spec/vector",schemaPath:"#/properties/spec/properties/vector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.vector.type,parentSchema:schema11.properties.spec.properties.vector,data:data133};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
}
if(data3.rateLimit !== undefined){
let data145 = data3.rateLimit;
if(data145 && typeof data145 == "object" && !Array.isArray(data145)){
if(data145.linesPerMinute === undefined){
const err273 = {instancePath:instancePath+"/spec/rateLimit",schemaPath:"#/properties/spec/properties/rateLimit/required",keyword:"required",params:{missingProperty: "linesPerMinute"},message:"must have required property '"+"linesPerMinute"+"'",schema:schema11.properties.spec.properties.rateLimit.required,parentSchema:schema11.properties.spec.properties.rateLimit,data:data145};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
for(const key38 in data145){
if(!(((key38 === "linesPerMinute") || (key38 === "keyField")) || (key38 === "excludes"))){
const err274 = {instancePath:instancePath+"/spec/rateLimit",schemaPath:"#/properties/spec/properties/rateLimit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key38},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.rateLimit,data:data145};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
}
if(data145.linesPerMinute !== undefined){
let data146 = data145.linesPerMinute;
if(!(typeof data146 == "number")){
const err275 = {instancePath:instancePath+"/spec/rateLimit/linesPerMinute",schemaPath:"#/properties/spec/properties/rateLimit/properties/linesPerMinute/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.spec.properties.rateLimit.properties.linesPerMinute.type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.linesPerMinute,data:data146};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
}
if(data145.keyField !== undefined){
let data147 = data145.keyField;
if(typeof data147 !== "string"){
const err276 = {instancePath:instancePath+"/spec/rateLimit/keyField",schemaPath:"#/properties/spec/properties/rateLimit/properties/keyField/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.rateLimit.properties.keyField.type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.keyField,data:data147};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
}
if(data145.excludes !== undefined){
let data148 = data145.excludes;
if(Array.isArray(data148)){
const len1 = data148.length;
for(let i1=0; i1<len1; i1++){
let data149 = data148[i1];
const _errs380 = errors;
let valid79 = false;
let passing5 = null;
const _errs381 = errors;
if(data149 && typeof data149 == "object" && !Array.isArray(data149)){
if(data149.operator !== undefined){
let data150 = data149.operator;
if(!((data150 === "Exists") || (data150 === "DoesNotExist"))){
const err277 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/operator",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/oneOf/0/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf[0].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf[0].properties.operator.enum,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf[0].properties.operator,data:data150};
if(vErrors === null){
vErrors = [err277];
}
else {
vErrors.push(err277);
}
errors++;
}
}
if(data149.values !== undefined){
let data151 = data149.values;
if(Array.isArray(data151)){
if(data151.length > 0){
const err278 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/values",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/oneOf/0/properties/values/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf[0].properties.values,data:data151};
if(vErrors === null){
vErrors = [err278];
}
else {
vErrors.push(err278);
}
errors++;
}
}
}
}
var _valid9 = _errs381 === errors;
if(_valid9){
valid79 = true;
passing5 = 0;
}
const _errs384 = errors;
if(data149 && typeof data149 == "object" && !Array.isArray(data149)){
if(data149.operator !== undefined){
let data152 = data149.operator;
if(!((((data152 === "Regex") || (data152 === "NotRegex")) || (data152 === "In")) || (data152 === "NotIn"))){
const err279 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/operator",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/oneOf/1/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf[1].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf[1].properties.operator.enum,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf[1].properties.operator,data:data152};
if(vErrors === null){
vErrors = [err279];
}
else {
vErrors.push(err279);
}
errors++;
}
}
if(data149.values !== undefined){
let data153 = data149.values;
if(Array.isArray(data153)){
if(data153.length < 1){
const err280 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/values",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/oneOf/1/properties/values/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf[1].properties.values,data:data153};
if(vErrors === null){
vErrors = [err280];
}
else {
vErrors.push(err280);
}
errors++;
}
}
}
}
var _valid9 = _errs384 === errors;
if(_valid9 && valid79){
valid79 = false;
passing5 = [passing5, 1];
}
else {
if(_valid9){
valid79 = true;
passing5 = 1;
}
}
if(!valid79){
const err281 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1,schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing5},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.oneOf,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items,data:data149};
if(vErrors === null){
vErrors = [err281];
}
else {
vErrors.push(err281);
}
errors++;
}
else {
errors = _errs380;
if(vErrors !== null){
if(_errs380){
vErrors.length = _errs380;
}
else {
vErrors = null;
}
}
}
if(data149 && typeof data149 == "object" && !Array.isArray(data149)){
if(data149.field === undefined){
const err282 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1,schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/required",keyword:"required",params:{missingProperty: "field"},message:"must have required property '"+"field"+"'",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.required,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items,data:data149};
if(vErrors === null){
vErrors = [err282];
}
else {
vErrors.push(err282);
}
errors++;
}
if(data149.operator === undefined){
const err283 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1,schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.required,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items,data:data149};
if(vErrors === null){
vErrors = [err283];
}
else {
vErrors.push(err283);
}
errors++;
}
for(const key39 in data149){
if(!(((key39 === "field") || (key39 === "operator")) || (key39 === "values"))){
const err284 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1,schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key39},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items,data:data149};
if(vErrors === null){
vErrors = [err284];
}
else {
vErrors.push(err284);
}
errors++;
}
}
if(data149.field !== undefined){
let data154 = data149.field;
if(typeof data154 !== "string"){
const err285 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/field",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/properties/field/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.field.type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.field,data:data154};
if(vErrors === null){
vErrors = [err285];
}
else {
vErrors.push(err285);
}
errors++;
}
}
if(data149.operator !== undefined){
let data155 = data149.operator;
if(typeof data155 !== "string"){
const err286 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/operator",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.operator.type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.operator,data:data155};
if(vErrors === null){
vErrors = [err286];
}
else {
vErrors.push(err286);
}
errors++;
}
if(!((((((data155 === "In") || (data155 === "NotIn")) || (data155 === "Regex")) || (data155 === "NotRegex")) || (data155 === "Exists")) || (data155 === "DoesNotExist"))){
const err287 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/operator",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.operator.enum,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.operator,data:data155};
if(vErrors === null){
vErrors = [err287];
}
else {
vErrors.push(err287);
}
errors++;
}
}
if(data149.values !== undefined){
let data156 = data149.values;
if(Array.isArray(data156)){
const len2 = data156.length;
for(let i2=0; i2<len2; i2++){
let data157 = data156[i2];
const _errs395 = errors;
let valid85 = false;
const _errs396 = errors;
if(!((typeof data157 == "number") && (!(data157 % 1) && !isNaN(data157)))){
const err288 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/values/" + i2,schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/properties/values/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.values.items.anyOf[0].type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.values.items.anyOf[0],data:data157};
if(vErrors === null){
vErrors = [err288];
}
else {
vErrors.push(err288);
}
errors++;
}
var _valid10 = _errs396 === errors;
valid85 = valid85 || _valid10;
if(!valid85){
const _errs398 = errors;
if(typeof data157 !== "string"){
const err289 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/values/" + i2,schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/properties/values/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.values.items.anyOf[1].type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.values.items.anyOf[1],data:data157};
if(vErrors === null){
vErrors = [err289];
}
else {
vErrors.push(err289);
}
errors++;
}
var _valid10 = _errs398 === errors;
valid85 = valid85 || _valid10;
}
if(!valid85){
const err290 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/values/" + i2,schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/properties/values/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.values.items.anyOf,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.values.items,data:data157};
if(vErrors === null){
vErrors = [err290];
}
else {
vErrors.push(err290);
}
errors++;
}
else {
errors = _errs395;
if(vErrors !== null){
if(_errs395){
vErrors.length = _errs395;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err291 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1+"/values",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.values.type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.properties.values,data:data156};
if(vErrors === null){
vErrors = [err291];
}
else {
vErrors.push(err291);
}
errors++;
}
}
}
else {
const err292 = {instancePath:instancePath+"/spec/rateLimit/excludes/" + i1,schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.items.type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes.items,data:data149};
if(vErrors === null){
vErrors = [err292];
}
else {
vErrors.push(err292);
}
errors++;
}
}
}
else {
const err293 = {instancePath:instancePath+"/spec/rateLimit/excludes",schemaPath:"#/properties/spec/properties/rateLimit/properties/excludes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.rateLimit.properties.excludes.type,parentSchema:schema11.properties.spec.properties.rateLimit.properties.excludes,data:data148};
if(vErrors === null){
vErrors = [err293];
}
else {
vErrors.push(err293);
}
errors++;
}
}
}
else {
const err294 = {instancePath:instancePath+"/spec/rateLimit",schemaPath:"#/properties/spec/properties/rateLimit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.rateLimit.type,parentSchema:schema11.properties.spec.properties.rateLimit,data:data145};
if(vErrors === null){
vErrors = [err294];
}
else {
vErrors.push(err294);
}
errors++;
}
}
if(data3.extraLabels !== undefined){
let data158 = data3.extraLabels;
if(data158 && typeof data158 == "object" && !Array.isArray(data158)){
for(const key40 in data158){
let data159 = data158[key40];
if(typeof data159 !== "string"){
const err295 = {instancePath:instancePath+"/spec/extraLabels/" + key40.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/extraLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.extraLabels.additionalProperties.type,parentSchema:schema11.properties.spec.properties.extraLabels.additionalProperties,data:data159};
if(vErrors === null){
vErrors = [err295];
}
else {
vErrors.push(err295);
}
errors++;
}
const _errs405 = errors;
let valid87 = false;
const _errs406 = errors;
if(typeof data159 === "string"){
if(!pattern3.test(data159)){
const err296 = {instancePath:instancePath+"/spec/extraLabels/" + key40.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/extraLabels/additionalProperties/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z0-9_\\-]+$"},message:"must match pattern \""+"^[a-zA-Z0-9_\\-]+$"+"\"",schema:"^[a-zA-Z0-9_\\-]+$",parentSchema:schema11.properties.spec.properties.extraLabels.additionalProperties.anyOf[0],data:data159};
if(vErrors === null){
vErrors = [err296];
}
else {
vErrors.push(err296);
}
errors++;
}
}
var _valid11 = _errs406 === errors;
valid87 = valid87 || _valid11;
if(!valid87){
const _errs407 = errors;
if(typeof data159 === "string"){
if(!pattern4.test(data159)){
const err297 = {instancePath:instancePath+"/spec/extraLabels/" + key40.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/extraLabels/additionalProperties/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^\\{\\{\\ [a-zA-Z0-9\\\\\\-][a-zA-Z0-9\\[\\]_\\\\\\-\\.]+\\ \\}\\}$"},message:"must match pattern \""+"^\\{\\{\\ [a-zA-Z0-9\\\\\\-][a-zA-Z0-9\\[\\]_\\\\\\-\\.]+\\ \\}\\}$"+"\"",schema:"^\\{\\{\\ [a-zA-Z0-9\\\\\\-][a-zA-Z0-9\\[\\]_\\\\\\-\\.]+\\ \\}\\}$",parentSchema:schema11.properties.spec.properties.extraLabels.additionalProperties.anyOf[1],data:data159};
if(vErrors === null){
vErrors = [err297];
}
else {
vErrors.push(err297);
}
errors++;
}
}
var _valid11 = _errs407 === errors;
valid87 = valid87 || _valid11;
}
if(!valid87){
const err298 = {instancePath:instancePath+"/spec/extraLabels/" + key40.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/extraLabels/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.extraLabels.additionalProperties.anyOf,parentSchema:schema11.properties.spec.properties.extraLabels.additionalProperties,data:data159};
if(vErrors === null){
vErrors = [err298];
}
else {
vErrors.push(err298);
}
errors++;
}
else {
errors = _errs405;
if(vErrors !== null){
if(_errs405){
vErrors.length = _errs405;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err299 = {instancePath:instancePath+"/spec/extraLabels",schemaPath:"#/properties/spec/properties/extraLabels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.extraLabels.type,parentSchema:schema11.properties.spec.properties.extraLabels,data:data158};
if(vErrors === null){
vErrors = [err299];
}
else {
vErrors.push(err299);
}
errors++;
}
}
if(data3.transformations !== undefined){
let data160 = data3.transformations;
if(Array.isArray(data160)){
const len3 = data160.length;
for(let i3=0; i3<len3; i3++){
let data161 = data160[i3];
const _errs412 = errors;
let valid90 = false;
let passing6 = null;
const _errs413 = errors;
if(data161 && typeof data161 == "object" && !Array.isArray(data161)){
if(data161.replaceKeys === undefined){
const err300 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/0/required",keyword:"required",params:{missingProperty: "replaceKeys"},message:"must have required property '"+"replaceKeys"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[0].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[0],data:data161};
if(vErrors === null){
vErrors = [err300];
}
else {
vErrors.push(err300);
}
errors++;
}
if(data161.action === undefined){
const err301 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/0/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[0].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[0],data:data161};
if(vErrors === null){
vErrors = [err301];
}
else {
vErrors.push(err301);
}
errors++;
}
if(data161.action !== undefined){
let data162 = data161.action;
if(!(data162 === "ReplaceKeys")){
const err302 = {instancePath:instancePath+"/spec/transformations/" + i3+"/action",schemaPath:"#/properties/spec/properties/transformations/items/oneOf/0/properties/action/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.oneOf[0].properties.action.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.oneOf[0].properties.action.enum,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[0].properties.action,data:data162};
if(vErrors === null){
vErrors = [err302];
}
else {
vErrors.push(err302);
}
errors++;
}
}
}
var _valid12 = _errs413 === errors;
if(_valid12){
valid90 = true;
passing6 = 0;
}
const _errs415 = errors;
if(data161 && typeof data161 == "object" && !Array.isArray(data161)){
if(data161.parseMessage === undefined){
const err303 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/1/required",keyword:"required",params:{missingProperty: "parseMessage"},message:"must have required property '"+"parseMessage"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[1].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[1],data:data161};
if(vErrors === null){
vErrors = [err303];
}
else {
vErrors.push(err303);
}
errors++;
}
if(data161.action === undefined){
const err304 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/1/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[1].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[1],data:data161};
if(vErrors === null){
vErrors = [err304];
}
else {
vErrors.push(err304);
}
errors++;
}
if(data161.action !== undefined){
let data163 = data161.action;
if(!(data163 === "ParseMessage")){
const err305 = {instancePath:instancePath+"/spec/transformations/" + i3+"/action",schemaPath:"#/properties/spec/properties/transformations/items/oneOf/1/properties/action/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.oneOf[1].properties.action.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.oneOf[1].properties.action.enum,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[1].properties.action,data:data163};
if(vErrors === null){
vErrors = [err305];
}
else {
vErrors.push(err305);
}
errors++;
}
}
}
var _valid12 = _errs415 === errors;
if(_valid12 && valid90){
valid90 = false;
passing6 = [passing6, 1];
}
else {
if(_valid12){
valid90 = true;
passing6 = 1;
}
const _errs417 = errors;
if(data161 && typeof data161 == "object" && !Array.isArray(data161)){
if(data161.dropLabels === undefined){
const err306 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/2/required",keyword:"required",params:{missingProperty: "dropLabels"},message:"must have required property '"+"dropLabels"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[2].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[2],data:data161};
if(vErrors === null){
vErrors = [err306];
}
else {
vErrors.push(err306);
}
errors++;
}
if(data161.action === undefined){
const err307 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/2/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[2].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[2],data:data161};
if(vErrors === null){
vErrors = [err307];
}
else {
vErrors.push(err307);
}
errors++;
}
if(data161.action !== undefined){
let data164 = data161.action;
if(!(data164 === "DropLabels")){
const err308 = {instancePath:instancePath+"/spec/transformations/" + i3+"/action",schemaPath:"#/properties/spec/properties/transformations/items/oneOf/2/properties/action/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.oneOf[2].properties.action.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.oneOf[2].properties.action.enum,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[2].properties.action,data:data164};
if(vErrors === null){
vErrors = [err308];
}
else {
vErrors.push(err308);
}
errors++;
}
}
}
var _valid12 = _errs417 === errors;
if(_valid12 && valid90){
valid90 = false;
passing6 = [passing6, 2];
}
else {
if(_valid12){
valid90 = true;
passing6 = 2;
}
const _errs419 = errors;
if(data161 && typeof data161 == "object" && !Array.isArray(data161)){
if(data161.addLabels === undefined){
const err309 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/3/required",keyword:"required",params:{missingProperty: "addLabels"},message:"must have required property '"+"addLabels"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[3].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[3],data:data161};
if(vErrors === null){
vErrors = [err309];
}
else {
vErrors.push(err309);
}
errors++;
}
if(data161.action === undefined){
const err310 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/3/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[3].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[3],data:data161};
if(vErrors === null){
vErrors = [err310];
}
else {
vErrors.push(err310);
}
errors++;
}
if(data161.action !== undefined){
let data165 = data161.action;
if(!(data165 === "AddLabels")){
const err311 = {instancePath:instancePath+"/spec/transformations/" + i3+"/action",schemaPath:"#/properties/spec/properties/transformations/items/oneOf/3/properties/action/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.oneOf[3].properties.action.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.oneOf[3].properties.action.enum,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[3].properties.action,data:data165};
if(vErrors === null){
vErrors = [err311];
}
else {
vErrors.push(err311);
}
errors++;
}
}
}
var _valid12 = _errs419 === errors;
if(_valid12 && valid90){
valid90 = false;
passing6 = [passing6, 3];
}
else {
if(_valid12){
valid90 = true;
passing6 = 3;
}
const _errs421 = errors;
if(data161 && typeof data161 == "object" && !Array.isArray(data161)){
if(data161.replaceValue === undefined){
const err312 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/4/required",keyword:"required",params:{missingProperty: "replaceValue"},message:"must have required property '"+"replaceValue"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[4].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[4],data:data161};
if(vErrors === null){
vErrors = [err312];
}
else {
vErrors.push(err312);
}
errors++;
}
if(data161.action === undefined){
const err313 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf/4/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'",schema:schema11.properties.spec.properties.transformations.items.oneOf[4].required,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[4],data:data161};
if(vErrors === null){
vErrors = [err313];
}
else {
vErrors.push(err313);
}
errors++;
}
if(data161.action !== undefined){
let data166 = data161.action;
if(!(data166 === "ReplaceValue")){
const err314 = {instancePath:instancePath+"/spec/transformations/" + i3+"/action",schemaPath:"#/properties/spec/properties/transformations/items/oneOf/4/properties/action/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.oneOf[4].properties.action.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.oneOf[4].properties.action.enum,parentSchema:schema11.properties.spec.properties.transformations.items.oneOf[4].properties.action,data:data166};
if(vErrors === null){
vErrors = [err314];
}
else {
vErrors.push(err314);
}
errors++;
}
}
}
var _valid12 = _errs421 === errors;
if(_valid12 && valid90){
valid90 = false;
passing6 = [passing6, 4];
}
else {
if(_valid12){
valid90 = true;
passing6 = 4;
}
}
}
}
}
if(!valid90){
const err315 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing6},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.transformations.items.oneOf,parentSchema:schema11.properties.spec.properties.transformations.items,data:data161};
if(vErrors === null){
vErrors = [err315];
}
else {
vErrors.push(err315);
}
errors++;
}
else {
errors = _errs412;
if(vErrors !== null){
if(_errs412){
vErrors.length = _errs412;
}
else {
vErrors = null;
}
}
}
if(data161 && typeof data161 == "object" && !Array.isArray(data161)){
for(const key41 in data161){
if(!((((((key41 === "action") || (key41 === "replaceKeys")) || (key41 === "parseMessage")) || (key41 === "dropLabels")) || (key41 === "addLabels")) || (key41 === "replaceValue"))){
const err316 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key41},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.transformations.items,data:data161};
if(vErrors === null){
vErrors = [err316];
}
else {
vErrors.push(err316);
}
errors++;
}
}
if(data161.action !== undefined){
let data167 = data161.action;
if(typeof data167 !== "string"){
const err317 = {instancePath:instancePath+"/spec/transformations/" + i3+"/action",schemaPath:"#/properties/spec/properties/transformations/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.action.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.action,data:data167};
if(vErrors === null){
vErrors = [err317];
}
else {
vErrors.push(err317);
}
errors++;
}
if(!(((((data167 === "ReplaceKeys") || (data167 === "ParseMessage")) || (data167 === "DropLabels")) || (data167 === "AddLabels")) || (data167 === "ReplaceValue"))){
const err318 = {instancePath:instancePath+"/spec/transformations/" + i3+"/action",schemaPath:"#/properties/spec/properties/transformations/items/properties/action/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.properties.action.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.properties.action.enum,parentSchema:schema11.properties.spec.properties.transformations.items.properties.action,data:data167};
if(vErrors === null){
vErrors = [err318];
}
else {
vErrors.push(err318);
}
errors++;
}
}
if(data161.replaceKeys !== undefined){
let data168 = data161.replaceKeys;
if(data168 && typeof data168 == "object" && !Array.isArray(data168)){
if(data168.labels === undefined){
const err319 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/required",keyword:"required",params:{missingProperty: "labels"},message:"must have required property '"+"labels"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys,data:data168};
if(vErrors === null){
vErrors = [err319];
}
else {
vErrors.push(err319);
}
errors++;
}
if(data168.source === undefined){
const err320 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys,data:data168};
if(vErrors === null){
vErrors = [err320];
}
else {
vErrors.push(err320);
}
errors++;
}
for(const key42 in data168){
if(!(((key42 === "source") || (key42 === "target")) || (key42 === "labels"))){
const err321 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key42},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys,data:data168};
if(vErrors === null){
vErrors = [err321];
}
else {
vErrors.push(err321);
}
errors++;
}
}
if(data168.source !== undefined){
let data169 = data168.source;
if(typeof data169 === "string"){
if(!pattern5.test(data169)){
const err322 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys/source",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/properties/source/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"},message:"must match pattern \""+"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"+"\"",schema:"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.source,data:data169};
if(vErrors === null){
vErrors = [err322];
}
else {
vErrors.push(err322);
}
errors++;
}
}
else {
const err323 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys/source",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.source.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.source,data:data169};
if(vErrors === null){
vErrors = [err323];
}
else {
vErrors.push(err323);
}
errors++;
}
}
if(data168.target !== undefined){
let data170 = data168.target;
if(typeof data170 !== "string"){
const err324 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys/target",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.target.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.target,data:data170};
if(vErrors === null){
vErrors = [err324];
}
else {
vErrors.push(err324);
}
errors++;
}
}
if(data168.labels !== undefined){
let data171 = data168.labels;
if(Array.isArray(data171)){
const len4 = data171.length;
for(let i4=0; i4<len4; i4++){
let data172 = data171[i4];
if(typeof data172 === "string"){
if(!pattern6.test(data172)){
const err325 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys/labels/" + i4,schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/properties/labels/items/pattern",keyword:"pattern",params:{pattern: "^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"},message:"must match pattern \""+"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"+"\"",schema:"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.labels.items,data:data172};
if(vErrors === null){
vErrors = [err325];
}
else {
vErrors.push(err325);
}
errors++;
}
}
else {
const err326 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys/labels/" + i4,schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.labels.items.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.labels.items,data:data172};
if(vErrors === null){
vErrors = [err326];
}
else {
vErrors.push(err326);
}
errors++;
}
}
}
else {
const err327 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys/labels",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.labels.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.properties.labels,data:data171};
if(vErrors === null){
vErrors = [err327];
}
else {
vErrors.push(err327);
}
errors++;
}
}
}
else {
const err328 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceKeys",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceKeys/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceKeys,data:data168};
if(vErrors === null){
vErrors = [err328];
}
else {
vErrors.push(err328);
}
errors++;
}
}
if(data161.parseMessage !== undefined){
let data173 = data161.parseMessage;
const _errs439 = errors;
let valid100 = false;
let passing7 = null;
const _errs440 = errors;
if(data173 && typeof data173 == "object" && !Array.isArray(data173)){
if(data173.string === undefined){
const err329 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/0/required",keyword:"required",params:{missingProperty: "string"},message:"must have required property '"+"string"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[0].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[0],data:data173};
if(vErrors === null){
vErrors = [err329];
}
else {
vErrors.push(err329);
}
errors++;
}
if(data173.sourceFormat === undefined){
const err330 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/0/required",keyword:"required",params:{missingProperty: "sourceFormat"},message:"must have required property '"+"sourceFormat"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[0].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[0],data:data173};
if(vErrors === null){
vErrors = [err330];
}
else {
vErrors.push(err330);
}
errors++;
}
if(data173.sourceFormat !== undefined){
let data174 = data173.sourceFormat;
if(!(data174 === "String")){
const err331 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/sourceFormat",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/0/properties/sourceFormat/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[0].properties.sourceFormat.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[0].properties.sourceFormat.enum,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[0].properties.sourceFormat,data:data174};
if(vErrors === null){
vErrors = [err331];
}
else {
vErrors.push(err331);
}
errors++;
}
}
}
var _valid13 = _errs440 === errors;
if(_valid13){
valid100 = true;
passing7 = 0;
}
const _errs442 = errors;
if(data173 && typeof data173 == "object" && !Array.isArray(data173)){
if(data173.sourceFormat === undefined){
const err332 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/1/required",keyword:"required",params:{missingProperty: "sourceFormat"},message:"must have required property '"+"sourceFormat"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[1].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[1],data:data173};
if(vErrors === null){
vErrors = [err332];
}
else {
vErrors.push(err332);
}
errors++;
}
if(data173.sourceFormat !== undefined){
let data175 = data173.sourceFormat;
if(!(data175 === "JSON")){
const err333 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/sourceFormat",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/1/properties/sourceFormat/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[1].properties.sourceFormat.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[1].properties.sourceFormat.enum,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[1].properties.sourceFormat,data:data175};
if(vErrors === null){
vErrors = [err333];
}
else {
vErrors.push(err333);
}
errors++;
}
}
}
var _valid13 = _errs442 === errors;
if(_valid13 && valid100){
valid100 = false;
passing7 = [passing7, 1];
}
else {
if(_valid13){
valid100 = true;
passing7 = 1;
}
const _errs444 = errors;
if(data173 && typeof data173 == "object" && !Array.isArray(data173)){
if(data173.sourceFormat === undefined){
const err334 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/2/required",keyword:"required",params:{missingProperty: "sourceFormat"},message:"must have required property '"+"sourceFormat"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[2].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[2],data:data173};
if(vErrors === null){
vErrors = [err334];
}
else {
vErrors.push(err334);
}
errors++;
}
if(data173.sourceFormat !== undefined){
let data176 = data173.sourceFormat;
if(!(data176 === "Klog")){
const err335 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/sourceFormat",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/2/properties/sourceFormat/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[2].properties.sourceFormat.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[2].properties.sourceFormat.enum,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[2].properties.sourceFormat,data:data176};
if(vErrors === null){
vErrors = [err335];
}
else {
vErrors.push(err335);
}
errors++;
}
}
}
var _valid13 = _errs444 === errors;
if(_valid13 && valid100){
valid100 = false;
passing7 = [passing7, 2];
}
else {
if(_valid13){
valid100 = true;
passing7 = 2;
}
const _errs446 = errors;
if(data173 && typeof data173 == "object" && !Array.isArray(data173)){
if(data173.sourceFormat === undefined){
const err336 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/3/required",keyword:"required",params:{missingProperty: "sourceFormat"},message:"must have required property '"+"sourceFormat"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[3].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[3],data:data173};
if(vErrors === null){
vErrors = [err336];
}
else {
vErrors.push(err336);
}
errors++;
}
if(data173.sourceFormat !== undefined){
let data177 = data173.sourceFormat;
if(!(data177 === "SysLog")){
const err337 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/sourceFormat",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/3/properties/sourceFormat/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[3].properties.sourceFormat.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[3].properties.sourceFormat.enum,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[3].properties.sourceFormat,data:data177};
if(vErrors === null){
vErrors = [err337];
}
else {
vErrors.push(err337);
}
errors++;
}
}
}
var _valid13 = _errs446 === errors;
if(_valid13 && valid100){
valid100 = false;
passing7 = [passing7, 3];
}
else {
if(_valid13){
valid100 = true;
passing7 = 3;
}
const _errs448 = errors;
if(data173 && typeof data173 == "object" && !Array.isArray(data173)){
if(data173.sourceFormat === undefined){
const err338 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/4/required",keyword:"required",params:{missingProperty: "sourceFormat"},message:"must have required property '"+"sourceFormat"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[4].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[4],data:data173};
if(vErrors === null){
vErrors = [err338];
}
else {
vErrors.push(err338);
}
errors++;
}
if(data173.sourceFormat !== undefined){
let data178 = data173.sourceFormat;
if(!(data178 === "CLF")){
const err339 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/sourceFormat",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/4/properties/sourceFormat/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[4].properties.sourceFormat.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[4].properties.sourceFormat.enum,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[4].properties.sourceFormat,data:data178};
if(vErrors === null){
vErrors = [err339];
}
else {
vErrors.push(err339);
}
errors++;
}
}
}
var _valid13 = _errs448 === errors;
if(_valid13 && valid100){
valid100 = false;
passing7 = [passing7, 4];
}
else {
if(_valid13){
valid100 = true;
passing7 = 4;
}
const _errs450 = errors;
if(data173 && typeof data173 == "object" && !Array.isArray(data173)){
if(data173.sourceFormat === undefined){
const err340 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/5/required",keyword:"required",params:{missingProperty: "sourceFormat"},message:"must have required property '"+"sourceFormat"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[5].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[5],data:data173};
if(vErrors === null){
vErrors = [err340];
}
else {
vErrors.push(err340);
}
errors++;
}
if(data173.sourceFormat !== undefined){
let data179 = data173.sourceFormat;
if(!(data179 === "Logfmt")){
const err341 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/sourceFormat",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf/5/properties/sourceFormat/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[5].properties.sourceFormat.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[5].properties.sourceFormat.enum,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf[5].properties.sourceFormat,data:data179};
if(vErrors === null){
vErrors = [err341];
}
else {
vErrors.push(err341);
}
errors++;
}
}
}
var _valid13 = _errs450 === errors;
if(_valid13 && valid100){
valid100 = false;
passing7 = [passing7, 5];
}
else {
if(_valid13){
valid100 = true;
passing7 = 5;
}
}
}
}
}
}
if(!valid100){
const err342 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/oneOf",keyword:"oneOf",params:{passingSchemas: passing7},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.oneOf,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage,data:data173};
if(vErrors === null){
vErrors = [err342];
}
else {
vErrors.push(err342);
}
errors++;
}
else {
errors = _errs439;
if(vErrors !== null){
if(_errs439){
vErrors.length = _errs439;
}
else {
vErrors = null;
}
}
}
if(data173 && typeof data173 == "object" && !Array.isArray(data173)){
if(data173.sourceFormat === undefined){
const err343 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/required",keyword:"required",params:{missingProperty: "sourceFormat"},message:"must have required property '"+"sourceFormat"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage,data:data173};
if(vErrors === null){
vErrors = [err343];
}
else {
vErrors.push(err343);
}
errors++;
}
for(const key43 in data173){
if(!((((key43 === "sourceFormat") || (key43 === "targetLabel")) || (key43 === "string")) || (key43 === "json"))){
const err344 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key43},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage,data:data173};
if(vErrors === null){
vErrors = [err344];
}
else {
vErrors.push(err344);
}
errors++;
}
}
if(data173.sourceFormat !== undefined){
let data180 = data173.sourceFormat;
if(typeof data180 !== "string"){
const err345 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/sourceFormat",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/sourceFormat/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.sourceFormat.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.sourceFormat,data:data180};
if(vErrors === null){
vErrors = [err345];
}
else {
vErrors.push(err345);
}
errors++;
}
if(!((((((data180 === "String") || (data180 === "JSON")) || (data180 === "Klog")) || (data180 === "SysLog")) || (data180 === "CLF")) || (data180 === "Logfmt"))){
const err346 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/sourceFormat",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/sourceFormat/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.sourceFormat.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.sourceFormat.enum,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.sourceFormat,data:data180};
if(vErrors === null){
vErrors = [err346];
}
else {
vErrors.push(err346);
}
errors++;
}
}
if(data173.targetLabel !== undefined){
let data181 = data173.targetLabel;
if(typeof data181 === "string"){
if(!pattern7.test(data181)){
const err347 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/targetLabel",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/targetLabel/pattern",keyword:"pattern",params:{pattern: "^(\\.|\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+)$"},message:"must match pattern \""+"^(\\.|\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+)$"+"\"",schema:"^(\\.|\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+)$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.targetLabel,data:data181};
if(vErrors === null){
vErrors = [err347];
}
else {
vErrors.push(err347);
}
errors++;
}
}
else {
const err348 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/targetLabel",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/targetLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.targetLabel.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.targetLabel,data:data181};
if(vErrors === null){
vErrors = [err348];
}
else {
vErrors.push(err348);
}
errors++;
}
}
if(data173.string !== undefined){
let data182 = data173.string;
const _errs459 = errors;
let valid108 = false;
let passing8 = null;
const _errs460 = errors;
if(data182 && typeof data182 == "object" && !Array.isArray(data182)){
if(data182.targetField === undefined){
const err349 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/oneOf/0/required",keyword:"required",params:{missingProperty: "targetField"},message:"must have required property '"+"targetField"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.oneOf[0].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.oneOf[0],data:data182};
if(vErrors === null){
vErrors = [err349];
}
else {
vErrors.push(err349);
}
errors++;
}
}
var _valid14 = _errs460 === errors;
if(_valid14){
valid108 = true;
passing8 = 0;
}
const _errs461 = errors;
if(data182 && typeof data182 == "object" && !Array.isArray(data182)){
if(data182.regex === undefined){
const err350 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/oneOf/1/required",keyword:"required",params:{missingProperty: "regex"},message:"must have required property '"+"regex"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.oneOf[1].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.oneOf[1],data:data182};
if(vErrors === null){
vErrors = [err350];
}
else {
vErrors.push(err350);
}
errors++;
}
if(data182.setLabels === undefined){
const err351 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/oneOf/1/required",keyword:"required",params:{missingProperty: "setLabels"},message:"must have required property '"+"setLabels"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.oneOf[1].required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.oneOf[1],data:data182};
if(vErrors === null){
vErrors = [err351];
}
else {
vErrors.push(err351);
}
errors++;
}
}
var _valid14 = _errs461 === errors;
if(_valid14 && valid108){
valid108 = false;
passing8 = [passing8, 1];
}
else {
if(_valid14){
valid108 = true;
passing8 = 1;
}
}
if(!valid108){
const err352 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/oneOf",keyword:"oneOf",params:{passingSchemas: passing8},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.oneOf,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string,data:data182};
if(vErrors === null){
vErrors = [err352];
}
else {
vErrors.push(err352);
}
errors++;
}
else {
errors = _errs459;
if(vErrors !== null){
if(_errs459){
vErrors.length = _errs459;
}
else {
vErrors = null;
}
}
}
if(data182 && typeof data182 == "object" && !Array.isArray(data182)){
for(const key44 in data182){
if(!(((key44 === "targetField") || (key44 === "regex")) || (key44 === "setLabels"))){
const err353 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key44},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string,data:data182};
if(vErrors === null){
vErrors = [err353];
}
else {
vErrors.push(err353);
}
errors++;
}
}
if(data182.targetField !== undefined){
let data183 = data182.targetField;
if(typeof data183 === "string"){
if(!pattern8.test(data183)){
const err354 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string/targetField",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/properties/targetField/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z0-9_\\\\\\.\\-]+$"},message:"must match pattern \""+"^[a-zA-Z0-9_\\\\\\.\\-]+$"+"\"",schema:"^[a-zA-Z0-9_\\\\\\.\\-]+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.targetField,data:data183};
if(vErrors === null){
vErrors = [err354];
}
else {
vErrors.push(err354);
}
errors++;
}
}
else {
const err355 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string/targetField",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/properties/targetField/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.targetField.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.targetField,data:data183};
if(vErrors === null){
vErrors = [err355];
}
else {
vErrors.push(err355);
}
errors++;
}
}
if(data182.regex !== undefined){
let data184 = data182.regex;
if(typeof data184 === "string"){
if(!pattern5.test(data184)){
const err356 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string/regex",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/properties/regex/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"},message:"must match pattern \""+"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"+"\"",schema:"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.regex,data:data184};
if(vErrors === null){
vErrors = [err356];
}
else {
vErrors.push(err356);
}
errors++;
}
}
else {
const err357 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string/regex",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/properties/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.regex.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.regex,data:data184};
if(vErrors === null){
vErrors = [err357];
}
else {
vErrors.push(err357);
}
errors++;
}
}
if(data182.setLabels !== undefined){
let data185 = data182.setLabels;
if(data185 && typeof data185 == "object" && !Array.isArray(data185)){
for(const key45 in data185){
let data186 = data185[key45];
if(typeof data186 !== "string"){
const err358 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string/setLabels/" + key45.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/properties/setLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.setLabels.additionalProperties.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.setLabels.additionalProperties,data:data186};
if(vErrors === null){
vErrors = [err358];
}
else {
vErrors.push(err358);
}
errors++;
}
}
}
else {
const err359 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string/setLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/properties/setLabels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.setLabels.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.properties.setLabels,data:data185};
if(vErrors === null){
vErrors = [err359];
}
else {
vErrors.push(err359);
}
errors++;
}
}
}
else {
const err360 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/string",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/string/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.string,data:data182};
if(vErrors === null){
vErrors = [err360];
}
else {
vErrors.push(err360);
}
errors++;
}
}
if(data173.json !== undefined){
let data187 = data173.json;
if(data187 && typeof data187 == "object" && !Array.isArray(data187)){
for(const key46 in data187){
if(!(key46 === "depth")){
const err361 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/json",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/json/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key46},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.json,data:data187};
if(vErrors === null){
vErrors = [err361];
}
else {
vErrors.push(err361);
}
errors++;
}
}
if(data187.depth !== undefined){
let data188 = data187.depth;
if(!((typeof data188 == "number") && (!(data188 % 1) && !isNaN(data188)))){
const err362 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/json/depth",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/json/properties/depth/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.json.properties.depth.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.json.properties.depth,data:data188};
if(vErrors === null){
vErrors = [err362];
}
else {
vErrors.push(err362);
}
errors++;
}
if(typeof data188 == "number"){
if(data188 > 128 || isNaN(data188)){
const err363 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/json/depth",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/json/properties/depth/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128",schema:128,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.json.properties.depth,data:data188};
if(vErrors === null){
vErrors = [err363];
}
else {
vErrors.push(err363);
}
errors++;
}
if(data188 < 1 || isNaN(data188)){
const err364 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/json/depth",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/json/properties/depth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.json.properties.depth,data:data188};
if(vErrors === null){
vErrors = [err364];
}
else {
vErrors.push(err364);
}
errors++;
}
}
}
}
else {
const err365 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage/json",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/properties/json/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.json.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.properties.json,data:data187};
if(vErrors === null){
vErrors = [err365];
}
else {
vErrors.push(err365);
}
errors++;
}
}
}
else {
const err366 = {instancePath:instancePath+"/spec/transformations/" + i3+"/parseMessage",schemaPath:"#/properties/spec/properties/transformations/items/properties/parseMessage/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.parseMessage.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.parseMessage,data:data173};
if(vErrors === null){
vErrors = [err366];
}
else {
vErrors.push(err366);
}
errors++;
}
}
if(data161.dropLabels !== undefined){
let data189 = data161.dropLabels;
if(data189 && typeof data189 == "object" && !Array.isArray(data189)){
if(data189.labels === undefined){
const err367 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/required",keyword:"required",params:{missingProperty: "labels"},message:"must have required property '"+"labels"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels,data:data189};
if(vErrors === null){
vErrors = [err367];
}
else {
vErrors.push(err367);
}
errors++;
}
for(const key47 in data189){
if(!((key47 === "labels") || (key47 === "keepChildKeys"))){
const err368 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key47},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels,data:data189};
if(vErrors === null){
vErrors = [err368];
}
else {
vErrors.push(err368);
}
errors++;
}
}
if(data189.labels !== undefined){
let data190 = data189.labels;
if(Array.isArray(data190)){
const len5 = data190.length;
for(let i5=0; i5<len5; i5++){
let data191 = data190[i5];
if(typeof data191 === "string"){
if(!pattern6.test(data191)){
const err369 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels/labels/" + i5,schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/properties/labels/items/pattern",keyword:"pattern",params:{pattern: "^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"},message:"must match pattern \""+"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"+"\"",schema:"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.labels.items,data:data191};
if(vErrors === null){
vErrors = [err369];
}
else {
vErrors.push(err369);
}
errors++;
}
}
else {
const err370 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels/labels/" + i5,schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.labels.items.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.labels.items,data:data191};
if(vErrors === null){
vErrors = [err370];
}
else {
vErrors.push(err370);
}
errors++;
}
}
}
else {
const err371 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels/labels",schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.labels.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.labels,data:data190};
if(vErrors === null){
vErrors = [err371];
}
else {
vErrors.push(err371);
}
errors++;
}
}
if(data189.keepChildKeys !== undefined){
let data192 = data189.keepChildKeys;
if(Array.isArray(data192)){
const len6 = data192.length;
for(let i6=0; i6<len6; i6++){
let data193 = data192[i6];
if(typeof data193 === "string"){
if(!pattern11.test(data193)){
const err372 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels/keepChildKeys/" + i6,schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/properties/keepChildKeys/items/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z0-9_.\\-/]+$"},message:"must match pattern \""+"^[a-zA-Z0-9_.\\-/]+$"+"\"",schema:"^[a-zA-Z0-9_.\\-/]+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.keepChildKeys.items,data:data193};
if(vErrors === null){
vErrors = [err372];
}
else {
vErrors.push(err372);
}
errors++;
}
}
else {
const err373 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels/keepChildKeys/" + i6,schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/properties/keepChildKeys/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.keepChildKeys.items.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.keepChildKeys.items,data:data193};
if(vErrors === null){
vErrors = [err373];
}
else {
vErrors.push(err373);
}
errors++;
}
}
}
else {
const err374 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels/keepChildKeys",schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/properties/keepChildKeys/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.keepChildKeys.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.properties.keepChildKeys,data:data192};
if(vErrors === null){
vErrors = [err374];
}
else {
vErrors.push(err374);
}
errors++;
}
}
}
else {
const err375 = {instancePath:instancePath+"/spec/transformations/" + i3+"/dropLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/dropLabels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.dropLabels.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.dropLabels,data:data189};
if(vErrors === null){
vErrors = [err375];
}
else {
vErrors.push(err375);
}
errors++;
}
}
if(data161.addLabels !== undefined){
let data194 = data161.addLabels;
if(data194 && typeof data194 == "object" && !Array.isArray(data194)){
if(data194.setLabels === undefined){
const err376 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/required",keyword:"required",params:{missingProperty: "setLabels"},message:"must have required property '"+"setLabels"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.addLabels.required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels,data:data194};
if(vErrors === null){
vErrors = [err376];
}
else {
vErrors.push(err376);
}
errors++;
}
for(const key48 in data194){
if(!((key48 === "when") || (key48 === "setLabels"))){
const err377 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key48},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels,data:data194};
if(vErrors === null){
vErrors = [err377];
}
else {
vErrors.push(err377);
}
errors++;
}
}
if(data194.when !== undefined){
let data195 = data194.when;
if(Array.isArray(data195)){
const len7 = data195.length;
for(let i7=0; i7<len7; i7++){
let data196 = data195[i7];
if(typeof data196 === "string"){
if(!pattern5.test(data196)){
const err378 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels/when/" + i7,schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/properties/when/items/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"},message:"must match pattern \""+"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"+"\"",schema:"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.when.items,data:data196};
if(vErrors === null){
vErrors = [err378];
}
else {
vErrors.push(err378);
}
errors++;
}
}
else {
const err379 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels/when/" + i7,schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/properties/when/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.when.items.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.when.items,data:data196};
if(vErrors === null){
vErrors = [err379];
}
else {
vErrors.push(err379);
}
errors++;
}
}
}
else {
const err380 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels/when",schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/properties/when/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.when.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.when,data:data195};
if(vErrors === null){
vErrors = [err380];
}
else {
vErrors.push(err380);
}
errors++;
}
}
if(data194.setLabels !== undefined){
let data197 = data194.setLabels;
if(data197 && typeof data197 == "object" && !Array.isArray(data197)){
for(const key49 in data197){
const _errs497 = errors;
if(typeof key49 === "string"){
if(!pattern6.test(key49)){
const err381 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels/setLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/properties/setLabels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"},message:"must match pattern \""+"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"+"\"",schema:"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.setLabels.propertyNames,data:key49,propertyName:key49};
if(vErrors === null){
vErrors = [err381];
}
else {
vErrors.push(err381);
}
errors++;
}
}
var valid120 = _errs497 === errors;
if(!valid120){
const err382 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels/setLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/properties/setLabels/propertyNames",keyword:"propertyNames",params:{propertyName: key49},message:"property name must be valid",schema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.setLabels.propertyNames,parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.setLabels,data:data197};
if(vErrors === null){
vErrors = [err382];
}
else {
vErrors.push(err382);
}
errors++;
}
}
for(const key50 in data197){
let data198 = data197[key50];
if(typeof data198 !== "string"){
const err383 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels/setLabels/" + key50.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/properties/setLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.setLabels.additionalProperties.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.setLabels.additionalProperties,data:data198};
if(vErrors === null){
vErrors = [err383];
}
else {
vErrors.push(err383);
}
errors++;
}
}
}
else {
const err384 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels/setLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/properties/setLabels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.setLabels.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels.properties.setLabels,data:data197};
if(vErrors === null){
vErrors = [err384];
}
else {
vErrors.push(err384);
}
errors++;
}
}
}
else {
const err385 = {instancePath:instancePath+"/spec/transformations/" + i3+"/addLabels",schemaPath:"#/properties/spec/properties/transformations/items/properties/addLabels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.addLabels.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.addLabels,data:data194};
if(vErrors === null){
vErrors = [err385];
}
else {
vErrors.push(err385);
}
errors++;
}
}
if(data161.replaceValue !== undefined){
let data199 = data161.replaceValue;
if(data199 && typeof data199 == "object" && !Array.isArray(data199)){
if(data199.source === undefined){
const err386 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue,data:data199};
if(vErrors === null){
vErrors = [err386];
}
else {
vErrors.push(err386);
}
errors++;
}
if(data199.target === undefined){
const err387 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue,data:data199};
if(vErrors === null){
vErrors = [err387];
}
else {
vErrors.push(err387);
}
errors++;
}
if(data199.labels === undefined){
const err388 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/required",keyword:"required",params:{missingProperty: "labels"},message:"must have required property '"+"labels"+"'",schema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.required,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue,data:data199};
if(vErrors === null){
vErrors = [err388];
}
else {
vErrors.push(err388);
}
errors++;
}
for(const key51 in data199){
if(!(((key51 === "source") || (key51 === "target")) || (key51 === "labels"))){
const err389 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key51},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue,data:data199};
if(vErrors === null){
vErrors = [err389];
}
else {
vErrors.push(err389);
}
errors++;
}
}
if(data199.source !== undefined){
let data200 = data199.source;
if(typeof data200 === "string"){
if(!pattern5.test(data200)){
const err390 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue/source",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/properties/source/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"},message:"must match pattern \""+"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$"+"\"",schema:"^[a-zA-Z0-9_\\s\\\\\\[\\](){}?*+.^$\\-=!:,'\"|<>~#/@]+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.source,data:data200};
if(vErrors === null){
vErrors = [err390];
}
else {
vErrors.push(err390);
}
errors++;
}
}
else {
const err391 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue/source",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.source.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.source,data:data200};
if(vErrors === null){
vErrors = [err391];
}
else {
vErrors.push(err391);
}
errors++;
}
}
if(data199.target !== undefined){
let data201 = data199.target;
if(typeof data201 !== "string"){
const err392 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue/target",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.target.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.target,data:data201};
if(vErrors === null){
vErrors = [err392];
}
else {
vErrors.push(err392);
}
errors++;
}
}
if(data199.labels !== undefined){
let data202 = data199.labels;
if(Array.isArray(data202)){
const len8 = data202.length;
for(let i8=0; i8<len8; i8++){
let data203 = data202[i8];
if(typeof data203 === "string"){
if(!pattern6.test(data203)){
const err393 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue/labels/" + i8,schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/properties/labels/items/pattern",keyword:"pattern",params:{pattern: "^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"},message:"must match pattern \""+"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$"+"\"",schema:"^\\.[a-zA-Z0-9_\\[\\]\\\\\\.\\-\"/:']+$",parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.labels.items,data:data203};
if(vErrors === null){
vErrors = [err393];
}
else {
vErrors.push(err393);
}
errors++;
}
}
else {
const err394 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue/labels/" + i8,schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.labels.items.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.labels.items,data:data203};
if(vErrors === null){
vErrors = [err394];
}
else {
vErrors.push(err394);
}
errors++;
}
}
}
else {
const err395 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue/labels",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.labels.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.properties.labels,data:data202};
if(vErrors === null){
vErrors = [err395];
}
else {
vErrors.push(err395);
}
errors++;
}
}
}
else {
const err396 = {instancePath:instancePath+"/spec/transformations/" + i3+"/replaceValue",schemaPath:"#/properties/spec/properties/transformations/items/properties/replaceValue/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.properties.replaceValue.type,parentSchema:schema11.properties.spec.properties.transformations.items.properties.replaceValue,data:data199};
if(vErrors === null){
vErrors = [err396];
}
else {
vErrors.push(err396);
}
errors++;
}
}
}
else {
const err397 = {instancePath:instancePath+"/spec/transformations/" + i3,schemaPath:"#/properties/spec/properties/transformations/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.transformations.items.type,parentSchema:schema11.properties.spec.properties.transformations.items,data:data161};
if(vErrors === null){
vErrors = [err397];
}
else {
vErrors.push(err397);
}
errors++;
}
}
}
else {
const err398 = {instancePath:instancePath+"/spec/transformations",schemaPath:"#/properties/spec/properties/transformations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.transformations.type,parentSchema:schema11.properties.spec.properties.transformations,data:data160};
if(vErrors === null){
vErrors = [err398];
}
else {
vErrors.push(err398);
}
errors++;
}
}
if(data3.buffer !== undefined){
let data204 = data3.buffer;
const _errs514 = errors;
let valid125 = false;
let passing9 = null;
const _errs515 = errors;
const _errs516 = errors;
const _errs517 = errors;
if(data204 && typeof data204 == "object" && !Array.isArray(data204)){
let missing11;
if((data204.memory === undefined) && (missing11 = "memory")){
const err399 = {};
if(vErrors === null){
vErrors = [err399];
}
else {
vErrors.push(err399);
}
errors++;
}
}
var valid126 = _errs517 === errors;
if(valid126){
const err400 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.buffer.oneOf[0].not,parentSchema:schema11.properties.spec.properties.buffer.oneOf[0],data:data204};
if(vErrors === null){
vErrors = [err400];
}
else {
vErrors.push(err400);
}
errors++;
}
else {
errors = _errs516;
if(vErrors !== null){
if(_errs516){
vErrors.length = _errs516;
}
else {
vErrors = null;
}
}
}
if(data204 && typeof data204 == "object" && !Array.isArray(data204)){
if(data204.disk === undefined){
const err401 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf/0/required",keyword:"required",params:{missingProperty: "disk"},message:"must have required property '"+"disk"+"'",schema:schema11.properties.spec.properties.buffer.oneOf[0].required,parentSchema:schema11.properties.spec.properties.buffer.oneOf[0],data:data204};
if(vErrors === null){
vErrors = [err401];
}
else {
vErrors.push(err401);
}
errors++;
}
if(data204.type === undefined){
const err402 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf/0/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.buffer.oneOf[0].required,parentSchema:schema11.properties.spec.properties.buffer.oneOf[0],data:data204};
if(vErrors === null){
vErrors = [err402];
}
else {
vErrors.push(err402);
}
errors++;
}
if(data204.whenFull === undefined){
const err403 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf/0/required",keyword:"required",params:{missingProperty: "whenFull"},message:"must have required property '"+"whenFull"+"'",schema:schema11.properties.spec.properties.buffer.oneOf[0].required,parentSchema:schema11.properties.spec.properties.buffer.oneOf[0],data:data204};
if(vErrors === null){
vErrors = [err403];
}
else {
vErrors.push(err403);
}
errors++;
}
if(data204.type !== undefined){
let data205 = data204.type;
if(!(data205 === "Disk")){
const err404 = {instancePath:instancePath+"/spec/buffer/type",schemaPath:"#/properties/spec/properties/buffer/oneOf/0/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.buffer.oneOf[0].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.buffer.oneOf[0].properties.type.enum,parentSchema:schema11.properties.spec.properties.buffer.oneOf[0].properties.type,data:data205};
if(vErrors === null){
vErrors = [err404];
}
else {
vErrors.push(err404);
}
errors++;
}
}
}
var _valid15 = _errs515 === errors;
if(_valid15){
valid125 = true;
passing9 = 0;
}
const _errs519 = errors;
const _errs520 = errors;
const _errs521 = errors;
if(data204 && typeof data204 == "object" && !Array.isArray(data204)){
let missing12;
if((data204.disk === undefined) && (missing12 = "disk")){
const err405 = {};
if(vErrors === null){
vErrors = [err405];
}
else {
vErrors.push(err405);
}
errors++;
}
}
var valid128 = _errs521 === errors;
if(valid128){
const err406 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf/1/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.buffer.oneOf[1].not,parentSchema:schema11.properties.spec.properties.buffer.oneOf[1],data:data204};
if(vErrors === null){
vErrors = [err406];
}
else {
vErrors.push(err406);
}
errors++;
}
else {
errors = _errs520;
if(vErrors !== null){
if(_errs520){
vErrors.length = _errs520;
}
else {
vErrors = null;
}
}
}
if(data204 && typeof data204 == "object" && !Array.isArray(data204)){
if(data204.memory === undefined){
const err407 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf/1/required",keyword:"required",params:{missingProperty: "memory"},message:"must have required property '"+"memory"+"'",schema:schema11.properties.spec.properties.buffer.oneOf[1].required,parentSchema:schema11.properties.spec.properties.buffer.oneOf[1],data:data204};
if(vErrors === null){
vErrors = [err407];
}
else {
vErrors.push(err407);
}
errors++;
}
if(data204.type === undefined){
const err408 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.buffer.oneOf[1].required,parentSchema:schema11.properties.spec.properties.buffer.oneOf[1],data:data204};
if(vErrors === null){
vErrors = [err408];
}
else {
vErrors.push(err408);
}
errors++;
}
if(data204.whenFull === undefined){
const err409 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf/1/required",keyword:"required",params:{missingProperty: "whenFull"},message:"must have required property '"+"whenFull"+"'",schema:schema11.properties.spec.properties.buffer.oneOf[1].required,parentSchema:schema11.properties.spec.properties.buffer.oneOf[1],data:data204};
if(vErrors === null){
vErrors = [err409];
}
else {
vErrors.push(err409);
}
errors++;
}
if(data204.type !== undefined){
let data206 = data204.type;
if(!(data206 === "Memory")){
const err410 = {instancePath:instancePath+"/spec/buffer/type",schemaPath:"#/properties/spec/properties/buffer/oneOf/1/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.buffer.oneOf[1].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.buffer.oneOf[1].properties.type.enum,parentSchema:schema11.properties.spec.properties.buffer.oneOf[1].properties.type,data:data206};
if(vErrors === null){
vErrors = [err410];
}
else {
vErrors.push(err410);
}
errors++;
}
}
}
var _valid15 = _errs519 === errors;
if(_valid15 && valid125){
valid125 = false;
passing9 = [passing9, 1];
}
else {
if(_valid15){
valid125 = true;
passing9 = 1;
}
}
if(!valid125){
const err411 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/oneOf",keyword:"oneOf",params:{passingSchemas: passing9},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.buffer.oneOf,parentSchema:schema11.properties.spec.properties.buffer,data:data204};
if(vErrors === null){
vErrors = [err411];
}
else {
vErrors.push(err411);
}
errors++;
}
else {
errors = _errs514;
if(vErrors !== null){
if(_errs514){
vErrors.length = _errs514;
}
else {
vErrors = null;
}
}
}
if(data204 && typeof data204 == "object" && !Array.isArray(data204)){
if(data204.type === undefined){
const err412 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.buffer.required,parentSchema:schema11.properties.spec.properties.buffer,data:data204};
if(vErrors === null){
vErrors = [err412];
}
else {
vErrors.push(err412);
}
errors++;
}
for(const key52 in data204){
if(!((((key52 === "type") || (key52 === "disk")) || (key52 === "memory")) || (key52 === "whenFull"))){
const err413 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key52},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.buffer,data:data204};
if(vErrors === null){
vErrors = [err413];
}
else {
vErrors.push(err413);
}
errors++;
}
}
if(data204.type !== undefined){
let data207 = data204.type;
if(typeof data207 !== "string"){
const err414 = {instancePath:instancePath+"/spec/buffer/type",schemaPath:"#/properties/spec/properties/buffer/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.buffer.properties.type.type,parentSchema:schema11.properties.spec.properties.buffer.properties.type,data:data207};
if(vErrors === null){
vErrors = [err414];
}
else {
vErrors.push(err414);
}
errors++;
}
if(!((data207 === "Disk") || (data207 === "Memory"))){
const err415 = {instancePath:instancePath+"/spec/buffer/type",schemaPath:"#/properties/spec/properties/buffer/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.buffer.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.buffer.properties.type.enum,parentSchema:schema11.properties.spec.properties.buffer.properties.type,data:data207};
if(vErrors === null){
vErrors = [err415];
}
else {
vErrors.push(err415);
}
errors++;
}
}
if(data204.disk !== undefined){
let data208 = data204.disk;
if(data208 && typeof data208 == "object" && !Array.isArray(data208)){
for(const key53 in data208){
if(!(key53 === "maxSize")){
const err416 = {instancePath:instancePath+"/spec/buffer/disk",schemaPath:"#/properties/spec/properties/buffer/properties/disk/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key53},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.buffer.properties.disk,data:data208};
if(vErrors === null){
vErrors = [err416];
}
else {
vErrors.push(err416);
}
errors++;
}
}
if(data208.maxSize !== undefined){
let data209 = data208.maxSize;
const _errs530 = errors;
let valid132 = false;
const _errs531 = errors;
if(!((typeof data209 == "number") && (!(data209 % 1) && !isNaN(data209)))){
const err417 = {instancePath:instancePath+"/spec/buffer/disk/maxSize",schemaPath:"#/properties/spec/properties/buffer/properties/disk/properties/maxSize/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.spec.properties.buffer.properties.disk.properties.maxSize.anyOf[0].type,parentSchema:schema11.properties.spec.properties.buffer.properties.disk.properties.maxSize.anyOf[0],data:data209};
if(vErrors === null){
vErrors = [err417];
}
else {
vErrors.push(err417);
}
errors++;
}
var _valid16 = _errs531 === errors;
valid132 = valid132 || _valid16;
if(!valid132){
const _errs533 = errors;
if(typeof data209 !== "string"){
const err418 = {instancePath:instancePath+"/spec/buffer/disk/maxSize",schemaPath:"#/properties/spec/properties/buffer/properties/disk/properties/maxSize/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.buffer.properties.disk.properties.maxSize.anyOf[1].type,parentSchema:schema11.properties.spec.properties.buffer.properties.disk.properties.maxSize.anyOf[1],data:data209};
if(vErrors === null){
vErrors = [err418];
}
else {
vErrors.push(err418);
}
errors++;
}
var _valid16 = _errs533 === errors;
valid132 = valid132 || _valid16;
}
if(!valid132){
const err419 = {instancePath:instancePath+"/spec/buffer/disk/maxSize",schemaPath:"#/properties/spec/properties/buffer/properties/disk/properties/maxSize/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.buffer.properties.disk.properties.maxSize.anyOf,parentSchema:schema11.properties.spec.properties.buffer.properties.disk.properties.maxSize,data:data209};
if(vErrors === null){
vErrors = [err419];
}
else {
vErrors.push(err419);
}
errors++;
}
else {
errors = _errs530;
if(vErrors !== null){
if(_errs530){
vErrors.length = _errs530;
}
else {
vErrors = null;
}
}
}
if(typeof data209 === "string"){
if(!pattern16.test(data209)){
const err420 = {instancePath:instancePath+"/spec/buffer/disk/maxSize",schemaPath:"#/properties/spec/properties/buffer/properties/disk/properties/maxSize/pattern",keyword:"pattern",params:{pattern: "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"},message:"must match pattern \""+"^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"+"\"",schema:"^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",parentSchema:schema11.properties.spec.properties.buffer.properties.disk.properties.maxSize,data:data209};
if(vErrors === null){
vErrors = [err420];
}
else {
vErrors.push(err420);
}
errors++;
}
}
}
}
else {
const err421 = {instancePath:instancePath+"/spec/buffer/disk",schemaPath:"#/properties/spec/properties/buffer/properties/disk/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.buffer.properties.disk.type,parentSchema:schema11.properties.spec.properties.buffer.properties.disk,data:data208};
if(vErrors === null){
vErrors = [err421];
}
else {
vErrors.push(err421);
}
errors++;
}
}
if(data204.memory !== undefined){
let data210 = data204.memory;
if(data210 && typeof data210 == "object" && !Array.isArray(data210)){
for(const key54 in data210){
if(!(key54 === "maxEvents")){
const err422 = {instancePath:instancePath+"/spec/buffer/memory",schemaPath:"#/properties/spec/properties/buffer/properties/memory/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key54},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.buffer.properties.memory,data:data210};
if(vErrors === null){
vErrors = [err422];
}
else {
vErrors.push(err422);
}
errors++;
}
}
if(data210.maxEvents !== undefined){
let data211 = data210.maxEvents;
if(!(typeof data211 == "number")){
const err423 = {instancePath:instancePath+"/spec/buffer/memory/maxEvents",schemaPath:"#/properties/spec/properties/buffer/properties/memory/properties/maxEvents/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.spec.properties.buffer.properties.memory.properties.maxEvents.type,parentSchema:schema11.properties.spec.properties.buffer.properties.memory.properties.maxEvents,data:data211};
if(vErrors === null){
vErrors = [err423];
}
else {
vErrors.push(err423);
}
errors++;
}
}
}
else {
const err424 = {instancePath:instancePath+"/spec/buffer/memory",schemaPath:"#/properties/spec/properties/buffer/properties/memory/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.buffer.properties.memory.type,parentSchema:schema11.properties.spec.properties.buffer.properties.memory,data:data210};
if(vErrors === null){
vErrors = [err424];
}
else {
vErrors.push(err424);
}
errors++;
}
}
if(data204.whenFull !== undefined){
let data212 = data204.whenFull;
if(typeof data212 !== "string"){
const err425 = {instancePath:instancePath+"/spec/buffer/whenFull",schemaPath:"#/properties/spec/properties/buffer/properties/whenFull/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.buffer.properties.whenFull.type,parentSchema:schema11.properties.spec.properties.buffer.properties.whenFull,data:data212};
if(vErrors === null){
vErrors = [err425];
}
else {
vErrors.push(err425);
}
errors++;
}
if(!((data212 === "DropNewest") || (data212 === "Block"))){
const err426 = {instancePath:instancePath+"/spec/buffer/whenFull",schemaPath:"#/properties/spec/properties/buffer/properties/whenFull/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.buffer.properties.whenFull.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.buffer.properties.whenFull.enum,parentSchema:schema11.properties.spec.properties.buffer.properties.whenFull,data:data212};
if(vErrors === null){
vErrors = [err426];
}
else {
vErrors.push(err426);
}
errors++;
}
}
}
else {
const err427 = {instancePath:instancePath+"/spec/buffer",schemaPath:"#/properties/spec/properties/buffer/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.buffer.type,parentSchema:schema11.properties.spec.properties.buffer,data:data204};
if(vErrors === null){
vErrors = [err427];
}
else {
vErrors.push(err427);
}
errors++;
}
}
}
else {
const err428 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.type,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err428];
}
else {
vErrors.push(err428);
}
errors++;
}
}
}
else {
const err429 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err429];
}
else {
vErrors.push(err429);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

